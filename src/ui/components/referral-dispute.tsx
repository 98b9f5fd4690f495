import { createSignal, createUniqueId, For, Show } from 'solid-js'
import {
  type Attribution,
  type Json,
  type ReferralDecisionField,
  resolveReferralDispute,
} from '../../model/index.ts'
import { parseRoom } from '../../sync/protocol.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SubmitActions } from './form-fields.tsx'
import { SendToMediation } from './mediation-field.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { Attributed, createAction, ProblemAlert } from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(referral)

export interface Candidate {
  /** The candidate's value as the register holds it, e.g. { status, reason }. */
  value: Json
  label: string
  /** Further words shown under the label, e.g. the reason given with a status. */
  detail?: string
  by: Attribution
}

/** "Anna (MOPS), 8 Mar 2026, 10:15": who decided, for which agency, when. */
export const DecidedBy = (props: { by: Pick<Attribution, 'memberId' | 'agencyId' | 'at'> }) => (
  <Attributed by={props.by} text="referral.by" class="rf-by" />
)

/**
 * A disputed decision field (D4, RF5): every candidate with its member, agency and time — none
 * hidden behind another — and, for those who may, a resolution that picks one of them with a
 * required rationale (D10). Mediation decides for both parties, so the side rule does not apply.
 */
export const DisputedField = (
  props: Pick<ReferralPanelProps, 'conn' | 'me'> & {
    field: ReferralDecisionField
    /** The field's name for a person, e.g. "Status". */
    name: string
    candidates: Candidate[]
    mayResolve: boolean
    onWrite: () => void
    testId: string
  },
) => {
  const { t } = useI18n()
  const uid = createUniqueId()
  const action = createAction()
  const [choice, setChoice] = createSignal<number | null>(null)
  const [rationale, setRationale] = createSignal('')
  const [missing, setMissing] = createSignal<'choice' | 'rationale' | null>(null)
  let rationaleInput!: HTMLTextAreaElement
  let firstChoice: HTMLInputElement | undefined

  const resolve = (e: SubmitEvent) => {
    e.preventDefault()
    const picked = choice()
    const candidate = picked === null ? undefined : props.candidates[picked]
    if (!candidate) {
      setMissing('choice')
      firstChoice?.focus()
      return
    }
    if (rationale().trim() === '') {
      setMissing('rationale')
      rationaleInput.focus()
      return
    }
    setMissing(null)
    const done = action.run(() =>
      resolveReferralDispute(props.conn.doc, props.field, candidate.value, props.me, {
        rationale: rationale().trim(),
      }),
    )
    if (done) {
      setChoice(null)
      setRationale('')
      props.onWrite()
    }
  }

  return (
    <div class="rf-dispute" data-testid={props.testId} role="group" aria-labelledby={`${uid}-h`}>
      <p id={`${uid}-h`} class="rf-dispute-head">
        <strong class="badge badge-overdue">{t('referral.dispute.badge')}</strong>{' '}
        {t('referral.dispute.lead', { field: props.name })}
      </p>
      <ul class="rf-candidates">
        <For each={props.candidates}>
          {(c) => (
            <li data-testid={`${props.testId}-candidate`}>
              <strong>{c.label}</strong>
              <Show when={c.detail}>{(d) => <span class="rf-reason"> — {d()}</span>}</Show>
              <br />
              <DecidedBy by={c.by} />
            </li>
          )}
        </For>
      </ul>
      <SendToMediation
        source={{
          documentId: parseRoom(props.conn.room)?.documentId ?? '',
          documentKind: 'referral',
          field: props.field,
          linkKind: 'referral',
          candidates: props.candidates.map((c) => c.by),
        }}
        testId={props.testId}
      />
      <Show
        when={props.mayResolve}
        fallback={<p class="field-hint">{t('referral.dispute.waitForMediation')}</p>}
      >
        <form class="rf-resolve" onSubmit={resolve} novalidate>
          <fieldset>
            <legend>{t('referral.dispute.choose')}</legend>
            <For each={props.candidates}>
              {(c, i) => (
                <label class="rf-choice">
                  <input
                    type="radio"
                    name={`${uid}-choice`}
                    ref={(el) => i() === 0 && (firstChoice = el)}
                    checked={choice() === i()}
                    onChange={() => setChoice(i())}
                    aria-invalid={missing() === 'choice' ? 'true' : undefined}
                    data-value={JSON.stringify(c.value)}
                    data-testid={`${props.testId}-choice-${i()}`}
                  />
                  <span>
                    {c.label}
                    <Show when={c.detail}>{(d) => <> — {d()}</>}</Show>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
          <div class="field">
            <label for={`${uid}-rationale`}>{t('referral.dispute.rationale')}</label>
            <textarea
              id={`${uid}-rationale`}
              ref={rationaleInput}
              rows={3}
              value={rationale()}
              onInput={(e) => setRationale(e.currentTarget.value)}
              required
              aria-invalid={missing() === 'rationale' ? 'true' : undefined}
              aria-describedby={`${uid}-rationale-hint${missing() ? ` ${uid}-missing` : ''}`}
              data-testid={`${props.testId}-rationale`}
            />
            <p id={`${uid}-rationale-hint`} class="field-hint">
              {t('referral.dispute.rationaleHint')}
            </p>
          </div>
          <Show when={missing()}>
            {(m) => (
              <p id={`${uid}-missing`} class="field-error" role="alert">
                {m() === 'choice'
                  ? t('referral.dispute.missingChoice')
                  : t('referral.dispute.missingRationale')}
              </p>
            )}
          </Show>
          <ProblemAlert problem={action.problem()} testId={`${props.testId}-error`} />
          <SubmitActions label={t('referral.dispute.resolve')} testId={`${props.testId}-resolve`} />
        </form>
      </Show>
    </div>
  )
}
