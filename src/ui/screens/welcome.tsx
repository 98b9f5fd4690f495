import { useNavigate } from '@solidjs/router'
import { createSignal, For, onCleanup, Show } from 'solid-js'
import { ROLES, type Role } from '../../model/index.ts'
import { ApiError, enrolDemo, fetchDemoDirectory } from '../../sync/session.ts'
import { RetryAlert } from '../components/retry-alert.tsx'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { CodeInput, describeEnrolError, normaliseCode, useEnrol } from './join.tsx'
import './screens-a.css'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'
import { welcome } from '../i18n/messages/welcome.ts'

registerMessages(common, welcome)

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
  const enrol = useEnrol()

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
    const refused = await enrol((label) => enrolDemo(person.id, label))
    if (refused) setEnterProblem(refused)
    setEntering(null)
  }

  return (
    <section class="sa-screen" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p class="sa-lead" data-testid="welcome-intro">
        {t('welcome.intro')}
      </p>

      <RetryAlert
        problem={loadProblem()}
        testId="welcome-offline"
        retry={t('welcome.retry')}
        retryTestId="welcome-retry"
        onRetry={() => void loadDemo()}
      />

      <section class="sa-panel" aria-labelledby="welcome-code-title">
        <h2 id="welcome-code-title">{t('welcome.code.heading')}</h2>
        <p class="sa-muted" id="welcome-code-help">
          {t('welcome.code.help')}
        </p>
        <form onSubmit={submitCode} novalidate>
          <CodeInput
            label={t('welcome.code.label')}
            ref={codeInput}
            value={code()}
            onInput={(value) => {
              setCode(value)
              setCodeMissing(false)
            }}
            invalid={codeMissing()}
            describedBy={codeMissing() ? 'welcome-code-error' : 'welcome-code-help'}
            testId="welcome-code"
          />
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
