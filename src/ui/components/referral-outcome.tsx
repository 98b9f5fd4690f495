import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import {
  loopClosed,
  OUTCOME_CODES,
  type OutcomeCode,
  recordOutcome,
  REFERRAL_FIELDS,
  referralText,
  type Side,
  type TextField,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SubmitActions } from './form-fields.tsx'
import { DecidedBy, type DisputeCandidate } from './dispute.tsx'
import { DisputedField } from './referral-dispute.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { createAction, ProblemAlert, useReferralFormat } from './referral-common.tsx'
import { readOrNull } from '../state/create-open-document.ts'
import { TextFieldEditor } from './text-field.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(referral)

export interface OutcomeProps extends ReferralPanelProps {
  side: Side | undefined
  mayResolve: boolean
  onWrite: () => void
  onFocusField?: (field: string | null) => void
}

/**
 * The closed loop (RF13–RF15): the receiving agency reports what came of the referral once it
 * has accepted it; the referrer reads it. The loop is closed when the work has ended and an
 * outcome is on record.
 */
export const ReferralOutcome = (props: OutcomeProps) => {
  const { t } = useI18n()
  const format = useReferralFormat()
  const action = createAction()
  const referral = () => props.referral()
  const outcome = () => referral().outcome
  const accepted = () => referral().history.some((h) => h.status === 'accepted')
  const mayRecord = () => props.side === 'receiver' && !props.readOnly && accepted()
  const settled = () => {
    const o = outcome()
    return o.state === 'settled' ? o : undefined
  }
  const settledCode = () => settled()?.value
  const [picked, setPicked] = createSignal<OutcomeCode | ''>('')
  const code = () => picked() || settledCode() || ''

  const note = createMemo(() =>
    readOrNull(() => referralText(props.conn.doc, 'outcome.note', props.me)),
  )
  const candidates = (): DisputeCandidate[] => {
    const o = outcome()
    if (o.state !== 'disputed') return []
    return o.candidates.map((c) => ({
      value: c.value,
      label: t(`referral.outcome.${c.value}`),
      by: c,
    }))
  }

  const record = (e: SubmitEvent) => {
    e.preventDefault()
    const chosen = code()
    if (chosen === '') {
      action.setProblem({ key: 'referral.outcome.choose' })
      return
    }
    if (action.run(() => recordOutcome(props.conn.doc, { code: chosen }, props.me))) {
      setPicked('')
      props.onWrite()
    }
  }

  return (
    <section
      class="rf-panel rf-outcome"
      aria-labelledby="referral-outcome-heading"
      data-testid="outcome-panel"
    >
      <h2 id="referral-outcome-heading">{t('referral.outcome.heading')}</h2>
      <Show when={loopClosed(referral())}>
        <p>
          <strong class="badge badge-done rf-loop" data-testid="loop-closed">
            {t('referral.loopClosed')}
          </strong>{' '}
          <span class="field-hint">{t('referral.loopClosedHint')}</span>
        </p>
      </Show>
      <Switch>
        <Match when={settled()}>
          {(o) => (
            <p data-testid="outcome-value" data-code={o().value}>
              <strong>{t(`referral.outcome.${o().value}`)}</strong> <DecidedBy by={o().by} />
            </p>
          )}
        </Match>
        <Match when={outcome().state === 'disputed'}>
          <DisputedField
            conn={props.conn}
            me={props.me}
            field={REFERRAL_FIELDS.outcome}
            name={t('referral.outcome.heading')}
            candidates={candidates()}
            mayResolve={props.mayResolve}
            onWrite={props.onWrite}
            testId="outcome-dispute"
          />
        </Match>
        <Match when={true}>
          <p class="field-hint" data-testid="outcome-none">
            {props.side === 'receiver'
              ? accepted()
                ? t('referral.outcome.noneYet')
                : t('referral.outcome.afterAccepting')
              : t('referral.outcome.fromReceiver', {
                  agency: format.agency(referral().parties.receivingAgencyId),
                })}
          </p>
        </Match>
      </Switch>

      <Show when={mayRecord() && outcome().state !== 'disputed'}>
        <form class="rf-outcome-form" onSubmit={record} novalidate>
          <div class="field">
            <label for="outcome-code">{t('referral.outcome.code')}</label>
            <select
              id="outcome-code"
              value={code()}
              onChange={(e) => setPicked(e.currentTarget.value as OutcomeCode)}
              data-testid="outcome-code"
            >
              <option value="">{t('referral.outcome.choose')}</option>
              <For each={OUTCOME_CODES}>
                {(c) => (
                  <option value={c} selected={c === code()}>
                    {t(`referral.outcome.${c}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <SubmitActions
            label={t('referral.outcome.record')}
            testId="outcome-submit"
            disabled={code() === '' || code() === settledCode()}
          />
        </form>
      </Show>
      <ProblemAlert problem={action.problem()} testId="outcome-error" />

      <Show when={note() && (mayRecord() || referral().outcomeNote !== '')}>
        <TextFieldEditor
          id="referral-outcome-note"
          field={note() as TextField}
          label={t('referral.field.outcomeNote')}
          hint={mayRecord() ? t('referral.hint.outcomeNote') : undefined}
          readOnly={!mayRecord()}
          testId="field-outcome.note"
          onFocusChange={(on) => props.onFocusField?.(on ? 'outcome.note' : null)}
        />
      </Show>
    </section>
  )
}
