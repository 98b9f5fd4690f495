import { A, useNavigate, useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { ApiError, enrolWithCode, type Session } from '../../sync/session.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { isUnreachable } from '../state/network.ts'
import { useSession } from '../state/session.tsx'
import './screens-a.css'
import { common } from '../i18n/messages/common.ts'
import { welcome } from '../i18n/messages/welcome.ts'

registerMessages(common, welcome)

/** The relay's English enrolment errors (sync-server/enrolment.ts, api.ts) as catalog keys. */
const ENROL_ERRORS: Record<string, MessageKey> = {
  'invitation not found': 'enrol.error.notFound',
  'invitation already used': 'enrol.error.used',
  'invitation expired': 'enrol.error.expired',
  'member removed': 'enrol.error.memberRemoved',
  'code is required': 'enrol.error.codeRequired',
  'demo login is off': 'enrol.error.demoOff',
}

export const describeEnrolError = (err: unknown): Problem => {
  if (isUnreachable(err)) return { key: 'enrol.error.offline' }
  const key = err instanceof ApiError ? ENROL_ERRORS[err.message] : undefined
  return key
    ? { key }
    : { key: 'error.generic', params: { message: err instanceof Error ? err.message : '?' } }
}

/** Case, spaces and dashes do not matter in a code (as on the relay). */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '')

/** ABCDEFGHJK → ABCDE-FGHJK: easier to read aloud and to copy by hand. */
export const groupCode = (code: string): string =>
  normaliseCode(code)
    .replace(/(.{5})(?=.)/g, '$1-')
    .slice(0, 40)

/** A short, recognisable name for this device in the coordinator's device list. */
export const deviceLabel = (ua: string = navigator.userAgent): string => {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : null
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /CrOS/.test(ua)
          ? 'ChromeOS'
          : /Macintosh|Mac OS X/.test(ua)
            ? 'macOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null
  const label = [browser, os].filter(Boolean).join(' · ')
  return label || ua.slice(0, 60) || 'browser'
}

/**
 * Enrolment of this device: `enrol` (given the device's label) asks the relay; on success this
 * device signs in and opens the documents, else the refusal comes back as a problem to show.
 */
export const useEnrol = () => {
  const navigate = useNavigate()
  const { signIn } = useSession()
  return async (enrol: (label: string) => Promise<Session>): Promise<Problem | null> => {
    try {
      const session = await enrol(deviceLabel())
      signIn(session)
      navigate('/documents', { replace: true })
      return null
    } catch (err) {
      return describeEnrolError(err)
    }
  }
}

/** The input for an invitation code, in its label. */
export const CodeInput = (props: {
  label: string
  value: string
  onInput: (value: string) => void
  invalid: boolean
  describedBy: string | undefined
  testId: string
  ref?: HTMLInputElement | ((el: HTMLInputElement) => void)
}) => (
  <label class="field">
    <span>{props.label}</span>
    <input
      ref={props.ref}
      type="text"
      class="sa-code-input"
      name="code"
      autocomplete="one-time-code"
      autocapitalize="characters"
      spellcheck={false}
      value={props.value}
      onInput={(e) => props.onInput(e.currentTarget.value)}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
    />
  </label>
)

/** The invitation link's target: confirm, and this device is enrolled. */
export default function Join() {
  const { t } = useI18n()
  const params = useParams<{ code?: string }>()
  const { sync } = useSession()
  const enrol = useEnrol()
  const [code, setCode] = createSignal(params.code ? groupCode(params.code) : '')
  const [busy, setBusy] = createSignal(false)
  const [problem, setProblem] = createSignal<Problem | null>(null)
  let input: HTMLInputElement | undefined

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const value = normaliseCode(code())
    if (!value) {
      setProblem({ key: 'enrol.error.codeRequired' })
      input?.focus()
      return
    }
    setBusy(true)
    setProblem(null)
    const refused = await enrol((label) => enrolWithCode(value, label))
    if (refused) setProblem(refused)
    setBusy(false)
  }

  return (
    <section class="sa-screen" aria-labelledby="join-title">
      <h1 id="join-title">{t('join.title')}</h1>
      <Show
        when={!sync()}
        fallback={
          <div class="sa-note" data-testid="join-already-enrolled">
            <p>{t('join.alreadyEnrolled')}</p>
            <div class="actions">
              <A class="button primary" href="/documents">
                {t('join.toDocuments')}
              </A>
              <A class="button secondary" href="/settings">
                {t('join.toSettings')}
              </A>
            </div>
          </div>
        }
      >
        <p class="sa-lead">{t('join.intro')}</p>
        <p class="sa-warning" data-testid="join-confidential">
          {t('join.confidential')}
        </p>
        <form class="sa-panel" onSubmit={submit} novalidate>
          <CodeInput
            label={t('join.code.label')}
            ref={input}
            value={code()}
            onInput={setCode}
            invalid={problem() !== null}
            describedBy={problem() ? 'join-error' : undefined}
            testId="join-code"
          />
          <Show when={problem()}>
            {(p) => (
              <p id="join-error" class="sa-alert" role="alert" data-testid="join-error">
                {t(p().key, p().params)}
              </p>
            )}
          </Show>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy()} data-testid="join-submit">
              {busy() ? t('join.submitting') : t('join.submit')}
            </button>
          </div>
        </form>
        <p>
          <A href="/">{t('join.noInvitation')}</A>
        </p>
      </Show>
    </section>
  )
}
