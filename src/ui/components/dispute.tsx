import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js'
import type { Attribution, Json } from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { referral } from '../i18n/messages/referral.ts'
import { SubmitActions } from './form-fields.tsx'
import { Attributed, type createActionWith, ProblemAlert } from './referral-common.tsx'

registerMessages(referral)

export interface DisputeCandidate {
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
 * A disputed decision field (D4): every candidate with its member, agency and time — none
 * hidden behind another — and, for those who may, a settlement that picks one of them with a
 * required rationale (D10). The document kind words it (`texts`) and writes it (`settle`).
 */
export const Dispute = (props: {
  /** Where the kind's words are: badge, lead, choose, rationale, resolve, missing… */
  texts: 'referral.dispute' | 'plan.dispute'
  /** The field's name for a person, e.g. "Status". */
  name: string
  candidates: DisputeCandidate[]
  mayResolve: boolean
  /** Shown instead of the form to those who may not settle it. */
  wait: MessageKey
  /** Under the rationale: who will read it. */
  rationaleHint?: MessageKey
  action: ReturnType<typeof createActionWith>
  /** Writes the settlement (throws as the model does); then `onSettled`. */
  settle: (value: Json, rationale: string) => void
  onSettled: () => void
  testId: string
  /** After the candidates, e.g. sending the dispute to mediation. */
  children?: JSX.Element
}) => {
  const { t } = useI18n()
  const uid = createUniqueId()
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
    if (props.action.run(() => props.settle(candidate.value, rationale().trim()))) {
      setChoice(null)
      setRationale('')
      props.onSettled()
    }
  }

  return (
    <div class="rf-dispute" data-testid={props.testId} role="group" aria-labelledby={`${uid}-h`}>
      <p id={`${uid}-h`} class="rf-dispute-head">
        <strong class="badge badge-overdue">{t(`${props.texts}.badge`)}</strong>{' '}
        {t(`${props.texts}.lead`, { field: props.name })}
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
      {props.children}
      <Show when={props.mayResolve} fallback={<p class="field-hint">{t(props.wait)}</p>}>
        <form class="rf-resolve" onSubmit={resolve} novalidate>
          <fieldset>
            <legend>{t(`${props.texts}.choose`)}</legend>
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
            <label for={`${uid}-rationale`}>{t(`${props.texts}.rationale`)}</label>
            <textarea
              id={`${uid}-rationale`}
              ref={rationaleInput}
              rows={3}
              value={rationale()}
              onInput={(e) => setRationale(e.currentTarget.value)}
              required
              aria-invalid={missing() === 'rationale' ? 'true' : undefined}
              aria-describedby={
                [
                  props.rationaleHint ? `${uid}-rationale-hint` : '',
                  missing() ? `${uid}-missing` : '',
                ]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              data-testid={`${props.testId}-rationale`}
            />
            <Show when={props.rationaleHint}>
              {(hint) => (
                <p id={`${uid}-rationale-hint`} class="field-hint">
                  {t(hint())}
                </p>
              )}
            </Show>
          </div>
          <Show when={missing()}>
            {(m) => (
              <p id={`${uid}-missing`} class="field-error" role="alert">
                {m() === 'choice'
                  ? t(`${props.texts}.missingChoice`)
                  : t(`${props.texts}.missingRationale`)}
              </p>
            )}
          </Show>
          <ProblemAlert problem={props.action.problem()} testId={`${props.testId}-error`} />
          <SubmitActions label={t(`${props.texts}.resolve`)} testId={`${props.testId}-resolve`} />
        </form>
      </Show>
    </div>
  )
}
