import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js'
import { MEDIATION_STAGES, type MediationStage as Stage, moveStage } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { SubmitActions } from './form-fields.tsx'
import {
  createMediationAction,
  type MediationPanelProps,
  stageName,
  TimeLeftText,
  useMediationFormat,
} from './mediation-common.tsx'
import { Attributed, ProblemAlert } from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { mediation } from '../i18n/messages/mediation.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(mediation, referral)

/**
 * The stage (1 practitioners … 4 partnership board), its deadline as time left or breached
 * (MD6), the moves up with their reasons (MD5), and moving up for parties and the mediator.
 */
export const MediationStage = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const m = () => props.mediation()
  const outcome = () => {
    const o = m().outcome
    return o.state === 'settled' ? o.value : undefined
  }
  return (
    <section class="md-panel" aria-labelledby="md-stage-heading">
      <h2 id="md-stage-heading">{t('mediation.stage.heading')}</h2>
      <p class="md-stage" data-testid="mediation-stage" data-stage={m().stage}>
        <strong>{t('mediation.stage.current', { stage: m().stage })}</strong>{' '}
        {t(stageName(m().stage))}
      </p>
      <Show
        when={m().timeLeft}
        fallback={
          <p data-testid="mediation-closed" data-outcome={outcome()?.outcome ?? 'disputed'}>
            <strong class="badge">{t('mediation.closed')}</strong>{' '}
            <Show when={outcome()}>{(o) => t(`mediation.outcome.${o().outcome}`)}</Show>
            <Show when={outcome()?.note}>{(n) => <> — {n()}</>}</Show>
          </p>
        }
      >
        {(left) => (
          <p>
            {t('mediation.deadline.label')}{' '}
            <TimeLeftText
              deadline={left().deadline}
              msLeft={left().msLeft}
              testId="mediation-deadline"
            />
            <Show when={m().effectiveUrgency === 'urgent'}>
              {' '}
              <span class="md-muted">{t('mediation.deadline.urgent')}</span>
            </Show>
          </p>
        )}
      </Show>
      <Show when={m().stageMoves.length > 0}>
        <h3>{t('mediation.stage.moves')}</h3>
        <ol class="md-list" data-testid="mediation-stage-moves">
          <For each={m().stageMoves}>
            {(move) => (
              <li data-testid="mediation-stage-move">
                {t('mediation.stage.move', { from: move.from, to: move.to })} — {move.reason}
                <br />
                <Attributed by={move} text="referral.by" class="rf-by" />
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={!props.readOnly && (props.party || props.mediator) && !m().closed}>
        <MoveUp {...props} />
      </Show>
    </section>
  )
}

const MoveUp = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const format = useMediationFormat()
  const uid = createUniqueId()
  const action = createMediationAction()
  const higher = createMemo(() => MEDIATION_STAGES.filter((s) => s > props.mediation().stage))
  const [to, setTo] = createSignal<Stage | null>(null)
  const [reason, setReason] = createSignal('')
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const target = to() ?? higher()[0]
    if (target === undefined) return
    const done = action.run(() =>
      moveStage(props.conn.doc, { to: target, reason: reason().trim() }, props.me),
    )
    if (done) {
      setReason('')
      setTo(null)
      props.onWrite()
    }
  }
  return (
    <Show when={higher().length > 0}>
      <form class="md-form" onSubmit={submit} novalidate aria-labelledby={`${uid}-h`}>
        <h3 id={`${uid}-h`}>{t('mediation.stage.moveUp')}</h3>
        <div class="field">
          <label for={`${uid}-to`}>{t('mediation.stage.to')}</label>
          <select
            id={`${uid}-to`}
            data-testid="mediation-move-to"
            onChange={(e) => setTo(Number(e.currentTarget.value) as Stage)}
          >
            <For each={higher()}>
              {(s) => (
                <option value={s} selected={s === (to() ?? higher()[0])}>
                  {format.number(s)} — {t(stageName(s))}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for={`${uid}-reason`}>{t('mediation.stage.reason')}</label>
          <textarea
            id={`${uid}-reason`}
            rows={2}
            value={reason()}
            onInput={(e) => setReason(e.currentTarget.value)}
            data-testid="mediation-move-reason"
          />
        </div>
        <ProblemAlert problem={action.problem()} testId="mediation-move-error" />
        <SubmitActions label={t('mediation.stage.moveUpSubmit')} testId="mediation-move-submit" />
      </form>
    </Show>
  )
}
