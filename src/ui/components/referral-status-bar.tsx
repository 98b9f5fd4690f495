import { createEffect, createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import {
  isTerminal,
  nextStatuses,
  REFERRAL_FIELDS,
  type ReferralStatus,
  reasonRequired,
  setStatus,
  type Side,
} from '../../model/index.ts'
import { agenciesToAct } from '../../model/referral-summary.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { DecidedBy, type DisputeCandidate } from './dispute.tsx'
import { DisputedField } from './referral-dispute.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import {
  createAction,
  type Problem,
  problemOf,
  ProblemAlert,
  useReferralFormat,
} from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(referral)

/** Statuses asked about in a dialog: those that need a reason, and undoing a mistake. */
const ASKS = (status: ReferralStatus) => reasonRequired(status) || status === 'entered-in-error'

/** Actions that stop or refuse the work look different from those that move it on. */
const STOPS: readonly ReferralStatus[] = [
  'rejected',
  'cancelled',
  'failed',
  'entered-in-error',
  'on-hold',
]

export interface StatusBarProps extends ReferralPanelProps {
  /** My agency's side, or undefined when it is not a party. */
  side: Side | undefined
  /** May settle disputes: a party or a supervisor, not read-only. */
  mayResolve: boolean
  /** Called after every write of mine, so the workspace summary follows at once (I7). */
  onWrite: () => void
}

/**
 * The referral's status (RF2–RF5): where it stands and who set it, every candidate while it is
 * disputed (with a resolution for those who may), and buttons only for the steps my side may
 * take now. Statuses that need a reason ask for it in a dialog.
 */
export const ReferralStatusBar = (props: StatusBarProps) => {
  const { t } = useI18n()
  const format = useReferralFormat()
  const action = createAction()
  const [asking, setAsking] = createSignal<ReferralStatus | null>(null)
  const status = () => props.referral().status
  const settled = createMemo(() => {
    const s = status()
    return s.state === 'settled' ? s : undefined
  })
  const steps = createMemo((): ReferralStatus[] => {
    const s = settled()
    if (!s || !props.side || props.readOnly) return []
    return nextStatuses(s.value.status, props.side)
  })
  /**
   * Whether the referral waits for the other agency and not for mine (RF23: a response, an
   * overdue commitment…), or has ended. A move one may make (the referrer may always cancel) is
   * not a wait: the receiver of a new referral is not "waiting for" the referrer.
   */
  const waiting = (): 'ended' | 'other' | undefined => {
    const s = settled()
    if (!s || !props.side) return undefined
    if (isTerminal(s.value.status)) return 'ended'
    const { referringAgencyId, receivingAgencyId } = props.referral().parties
    const [mine, other] =
      props.side === 'referrer'
        ? [referringAgencyId, receivingAgencyId]
        : [receivingAgencyId, referringAgencyId]
    const toAct = agenciesToAct(props.referral(), new Date())
    return toAct.includes(other) && !toAct.includes(mine) ? 'other' : undefined
  }
  const otherAgency = () => {
    const p = props.referral().parties
    return format.agency(props.side === 'referrer' ? p.receivingAgencyId : p.referringAgencyId)
  }
  const candidates = (): DisputeCandidate[] => {
    const s = status()
    if (s.state !== 'disputed') return []
    return s.candidates.map((c) => ({
      value: { ...c.value },
      label: t(`referral.status.${c.value.status}`),
      ...(c.value.reason !== undefined && { detail: c.value.reason }),
      by: c,
    }))
  }

  const change = (to: ReferralStatus, reason?: string): Problem | null => {
    try {
      setStatus(props.conn.doc, to, props.me, reason)
    } catch (err) {
      return problemOf(err)
    }
    props.onWrite()
    return null
  }
  const choose = (to: ReferralStatus) => {
    if (ASKS(to)) setAsking(to)
    else action.setProblem(change(to))
  }

  return (
    <section class="rf-panel rf-status-bar" aria-labelledby="referral-status-heading">
      <h2 id="referral-status-heading" tabindex="-1">
        {t('referral.statusBar.heading')}
      </h2>
      <Switch>
        <Match when={settled()}>
          {(s) => (
            <div class="rf-status-line">
              <p>
                <strong
                  class="rf-status"
                  data-status={s().value.status}
                  data-testid="referral-status"
                >
                  {t(`referral.status.${s().value.status}`)}
                </strong>{' '}
                <DecidedBy by={s().by} />
              </p>
              <Show when={s().value.reason}>
                {(reason) => (
                  <p class="rf-reason" data-testid="referral-status-reason">
                    {t('referral.statusBar.reason', { reason: reason() })}
                  </p>
                )}
              </Show>
            </div>
          )}
        </Match>
        <Match when={status().state === 'disputed'}>
          <p>
            <strong class="rf-status" data-status="disputed" data-testid="referral-status">
              {t('referral.status.disputed')}
            </strong>
          </p>
          <DisputedField
            conn={props.conn}
            me={props.me}
            field={REFERRAL_FIELDS.status}
            name={t('referral.statusBar.heading')}
            candidates={candidates()}
            mayResolve={props.mayResolve}
            onWrite={props.onWrite}
            testId="status-dispute"
          />
        </Match>
        <Match when={true}>
          <p>
            <strong class="rf-status" data-status="unknown" data-testid="referral-status">
              {t('referral.status.unknown')}
            </strong>
          </p>
        </Match>
      </Switch>

      <Show when={steps().length > 0}>
        <div class="actions" role="group" aria-label={t('referral.statusBar.actions')}>
          <For each={steps()}>
            {(to) => (
              <button
                type="button"
                class={STOPS.includes(to) ? 'danger' : 'primary'}
                onClick={() => choose(to)}
                data-testid={`status-action-${to}`}
              >
                {t(`referral.action.${to}`)}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={waiting()}>
        {(w) => (
          <p class="field-hint" data-testid="referral-status-waiting" data-waiting={w()}>
            {w() === 'ended'
              ? t('referral.statusBar.ended')
              : t('referral.statusBar.waiting', { agency: otherAgency() })}
          </p>
        )}
      </Show>
      <ProblemAlert problem={action.problem()} testId="referral-error" />
      <StatusDialog
        target={asking()}
        onClose={() => setAsking(null)}
        onConfirm={(to, reason) => change(to, reason)}
      />
    </section>
  )
}

/**
 * Asks for the reason a status needs (RF4) in a modal dialog: focus moves into it, stays inside
 * while it is open, Escape closes it, and focus returns to the button that opened it.
 */
const StatusDialog = (props: {
  target: ReferralStatus | null
  onClose: () => void
  onConfirm: (to: ReferralStatus, reason: string) => Problem | null
}) => {
  const { t } = useI18n()
  let dialog!: HTMLDialogElement
  let textarea!: HTMLTextAreaElement
  let opener: HTMLElement | null = null
  const [reason, setReason] = createSignal('')
  const [problem, setProblem] = createSignal<Problem | null>(null)
  const required = () => (props.target ? reasonRequired(props.target) : false)

  createEffect(() => {
    const target = props.target
    if (target && !dialog.open) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
      setReason('')
      setProblem(null)
      dialog.showModal()
      textarea.focus()
    } else if (!target && dialog.open) {
      dialog.close()
    }
  })

  const closed = () => {
    props.onClose()
    // The button may be gone (the status moved on): then the status heading takes focus.
    const back = opener?.isConnected ? opener : document.getElementById('referral-status-heading')
    back?.focus()
    opener = null
  }

  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const to = props.target
    if (!to) return
    if (required() && reason().trim() === '') {
      setProblem({ key: 'referral.dialog.reasonMissing' })
      textarea.focus()
      return
    }
    const refused = props.onConfirm(to, reason())
    setProblem(refused)
    if (refused) textarea.focus()
    else dialog.close()
  }

  return (
    <dialog
      ref={dialog}
      class="rf-dialog"
      aria-labelledby="status-dialog-title"
      aria-describedby="status-dialog-hint"
      onClose={closed}
      data-testid="status-dialog"
    >
      <form onSubmit={submit} novalidate>
        <h2 id="status-dialog-title">
          {props.target ? t(`referral.dialog.title.${props.target}`) : ''}
        </h2>
        <p id="status-dialog-hint" class="field-hint">
          {required() ? t('referral.dialog.hintRequired') : t('referral.dialog.hintOptional')}
        </p>
        <div class="field">
          <label for="status-reason">
            {required() ? t('referral.dialog.reason') : t('referral.dialog.reasonOptional')}
          </label>
          <textarea
            id="status-reason"
            ref={textarea}
            rows={4}
            value={reason()}
            onInput={(e) => {
              setReason(e.currentTarget.value)
              if (problem()) setProblem(null)
            }}
            required={required()}
            aria-invalid={problem() ? 'true' : undefined}
            aria-describedby={problem() ? 'status-dialog-error' : undefined}
            data-testid="status-reason"
          />
        </div>
        <ProblemAlert problem={problem()} id="status-dialog-error" testId="status-dialog-error" />
        <div class="actions">
          <button
            type="submit"
            class={props.target && STOPS.includes(props.target) ? 'danger' : 'primary'}
            data-testid="status-confirm"
          >
            {props.target ? t(`referral.action.${props.target}`) : ''}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => dialog.close()}
            data-testid="status-cancel"
          >
            {t('referral.dialog.back')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
