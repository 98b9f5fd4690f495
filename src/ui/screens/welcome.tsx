import { useNavigate } from '@solidjs/router'
import { createSignal, For, onCleanup, Show } from 'solid-js'
import { ROLES, type Role } from '../../model/index.ts'
import { ApiError, enrolDemo, fetchDemoDirectory } from '../../sync/session.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSession } from '../state/session.tsx'
import { describeEnrolError, deviceLabel, normaliseCode, type Problem } from './join.tsx'
import './screens-a.css'

interface DemoPerson {
  id: string
  displayName: string
  agencyName: string
  role: Role | null
}

type DemoDirectory = Awaited<ReturnType<typeof fetchDemoDirectory>>

const demoPeople = (d: DemoDirectory): DemoPerson[] => {
  if (!Array.isArray(d.members) || !Array.isArray(d.agencies)) return []
  const agencies = new Map(d.agencies.map((a) => [a.id, a.name]))
  return d.members
    .filter((m) => !(m as { removed?: boolean }).removed)
    .map((m) => ({
      id: m.id,
      displayName: m.displayName,
      agencyName: agencies.get(m.agencyId) ?? '',
      role: (ROLES as readonly string[]).includes(m.role) ? (m.role as Role) : null,
    }))
}

/** Shown at `/` before this device is enrolled. */
export default function Welcome() {
  const { t } = useI18n()
  const navigate = useNavigate()
  const { signIn } = useSession()

  const [code, setCode] = createSignal('')
  const [codeMissing, setCodeMissing] = createSignal(false)
  const [demo, setDemo] = createSignal<DemoPerson[]>([])
  const [loadProblem, setLoadProblem] = createSignal<Problem | null>(null)
  const [enterProblem, setEnterProblem] = createSignal<Problem | null>(null)
  const [entering, setEntering] = createSignal<DemoPerson | null>(null)
  let codeInput: HTMLInputElement | undefined

  const loadDemo = async () => {
    setLoadProblem(null)
    try {
      setDemo(demoPeople(await fetchDemoDirectory()))
    } catch (err) {
      setDemo([])
      // 404: this relay runs no demo, which is not a problem worth telling anyone.
      if (!(err instanceof ApiError && err.status === 404)) setLoadProblem(describeEnrolError(err))
    }
  }
  void loadDemo()
  const onOnline = () => {
    if (loadProblem()) void loadDemo()
  }
  window.addEventListener('online', onOnline)
  onCleanup(() => window.removeEventListener('online', onOnline))

  const submitCode = (e: SubmitEvent) => {
    e.preventDefault()
    const value = normaliseCode(code())
    if (!value) {
      setCodeMissing(true)
      codeInput?.focus()
      return
    }
    navigate(`/join/${encodeURIComponent(value)}`)
  }

  const enter = async (person: DemoPerson) => {
    setEntering(person)
    setEnterProblem(null)
    try {
      const session = await enrolDemo(person.id, deviceLabel())
      signIn(session)
      navigate('/documents', { replace: true })
    } catch (err) {
      setEnterProblem(describeEnrolError(err))
    } finally {
      setEntering(null)
    }
  }

  return (
    <section class="sa-screen" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p class="sa-lead" data-testid="welcome-intro">
        {t('welcome.intro')}
      </p>

      <Show when={loadProblem()}>
        {(p) => (
          <div class="sa-alert" role="alert" data-testid="welcome-offline">
            <p>{t(p().key, p().params)}</p>
            <button
              type="button"
              class="secondary"
              onClick={() => void loadDemo()}
              data-testid="welcome-retry"
            >
              {t('welcome.retry')}
            </button>
          </div>
        )}
      </Show>

      <section class="sa-panel" aria-labelledby="welcome-code-title">
        <h2 id="welcome-code-title">{t('welcome.code.heading')}</h2>
        <p class="sa-muted" id="welcome-code-help">
          {t('welcome.code.help')}
        </p>
        <form onSubmit={submitCode} novalidate>
          <label class="field">
            <span>{t('welcome.code.label')}</span>
            <input
              ref={codeInput}
              type="text"
              class="sa-code-input"
              name="code"
              autocomplete="one-time-code"
              autocapitalize="characters"
              spellcheck={false}
              value={code()}
              onInput={(e) => {
                setCode(e.currentTarget.value)
                setCodeMissing(false)
              }}
              aria-invalid={codeMissing() ? 'true' : undefined}
              aria-describedby={codeMissing() ? 'welcome-code-error' : 'welcome-code-help'}
              data-testid="welcome-code"
            />
          </label>
          <Show when={codeMissing()}>
            <p id="welcome-code-error" class="sa-alert" role="alert">
              {t('enrol.error.codeRequired')}
            </p>
          </Show>
          <button type="submit" class="primary" data-testid="welcome-code-submit">
            {t('welcome.code.submit')}
          </button>
        </form>
      </section>

      <Show when={demo().length > 0}>
        <section class="sa-panel" aria-labelledby="welcome-demo-title" data-testid="welcome-demo">
          <h2 id="welcome-demo-title">{t('welcome.demo.heading')}</h2>
          <p class="sa-muted">{t('welcome.demo.help')}</p>
          <Show when={enterProblem()}>
            {(p) => (
              <p class="sa-alert" role="alert" data-testid="welcome-demo-error">
                {t(p().key, p().params)}
              </p>
            )}
          </Show>
          <p class="visually-hidden" role="status">
            {entering() ? t('welcome.demo.entering', { name: entering()?.displayName ?? '' }) : ''}
          </p>
          <ul class="sa-list welcome-demo-list">
            <For each={demo()}>
              {(person) => (
                <li>
                  <button
                    type="button"
                    class="welcome-demo-member"
                    disabled={entering() !== null}
                    aria-busy={entering()?.id === person.id ? 'true' : undefined}
                    onClick={() => void enter(person)}
                    data-testid={`demo-member-${person.id}`}
                  >
                    <strong>{person.displayName}</strong>
                    <span>
                      {[person.role ? t(`role.${person.role}`) : null, person.agencyName]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </section>
  )
}
