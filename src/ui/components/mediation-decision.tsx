import { A } from '@solidjs/router'
import {
  createMemo,
  createSignal,
  createUniqueId,
  For,
  Match,
  onCleanup,
  Show,
  Switch,
} from 'solid-js'
import {
  applyRecordedDecision,
  canonicalJson,
  decisionApplied,
  getSummary,
  type Json,
  listDisputes,
  MEDIATION_OUTCOMES,
  type MediationLink,
  type MediationOutcome,
  observeDecisions,
  readReferral,
  recordDecision,
  recordMediationOutcome,
  setSummary,
  summaryDisputes,
  withDisputes,
} from '../../model/index.ts'
import { digestAsSummary, referralDigest } from '../../model/referral-summary.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument, readOrNull } from '../state/create-open-document.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import { InputField, SubmitActions } from './form-fields.tsx'
import {
  createMediationAction,
  type MediationPanelProps,
  useMediationFormat,
} from './mediation-common.tsx'
import { Attributed, ProblemAlert } from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { mediation } from '../i18n/messages/mediation.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(mediation, referral)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The decision or agreement with its rationale (MD9, the mediator only), its application to the
 * disputed field of the source document (MD12), and the outcome that closes the log (MD11).
 */
export const MediationDecision = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const format = useMediationFormat()
  const m = () => props.mediation()
  const link = createMemo(() => m().links.find((l) => l.field !== undefined), undefined, {
    equals: (a, b) => a?.documentId === b?.documentId && a?.field === b?.field,
  })
  const decision = () => {
    const d = m().decision
    return d.state === 'settled' ? d : undefined
  }
  // The source document is opened for the mediator only: to offer its candidates and apply.
  const [attempt, setAttempt] = createSignal(1)
  const mayDecide = () => props.mediator && !props.readOnly
  return (
    <section class="md-panel" aria-labelledby="md-decision-heading">
      <h2 id="md-decision-heading">{t('mediation.decision.heading')}</h2>
      <Switch fallback={<p class="md-muted">{t('mediation.decision.none')}</p>}>
        <Match when={decision()}>
          {(d) => (
            <div data-testid="mediation-decision">
              <Show when={d().value.value !== undefined && link()?.field}>
                {(field) => (
                  <p>
                    {format.fieldLabel(field())}:{' '}
                    <strong
                      data-testid="mediation-decision-value"
                      data-value={JSON.stringify(d().value.value)}
                    >
                      {format.valueLabel(field(), d().value.value)}
                    </strong>
                  </p>
                )}
              </Show>
              <p class="md-text" data-testid="mediation-decision-recorded">
                {d().value.rationale}
              </p>
              <Attributed by={d().by} text="referral.by" class="rf-by" />
            </div>
          )}
        </Match>
        <Match when={m().decision.state === 'disputed'}>
          <p>
            <strong class="badge badge-overdue">{t('mediation.disputed')}</strong>{' '}
            {t('mediation.decision.disputed')}
          </p>
        </Match>
      </Switch>
      <Show when={mayDecide() && link()}>
        {(l) => (
          <Show when={attempt()} keyed>
            {(n) => <SourceField {...props} link={l()} retry={() => setAttempt(n + 1)} />}
          </Show>
        )}
      </Show>
      <Show when={mayDecide() && !link()}>
        <DecisionForm {...props} field={undefined} candidates={[]} />
      </Show>
      <Show when={mayDecide() && !m().closed}>
        <OutcomeForm {...props} />
      </Show>
    </section>
  )
}

interface Choice {
  value: Json
  label: string
}

/** The linked source document, open on the mediator's device while the log is on screen. */
const SourceField = (props: MediationPanelProps & { link: MediationLink; retry: () => void }) => {
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const format = useMediationFormat()
  const source = createOpenDocument(props.link.documentId)
  const field = props.link.field as string
  const [version, setVersion] = createSignal(0)
  onCleanup(observeDecisions(source.conn.doc, () => setVersion((v) => v + 1)))
  const synced = () => source.status().state === 'synced'
  const refused = () => source.status().state === 'refused'
  const disputeHere = createMemo(() => {
    version()
    return source.ready() ? listDisputes(source.conn.doc).find((d) => d.field === field) : undefined
  })
  const applied = createMemo(() => {
    version()
    return source.ready() && decisionApplied(source.conn.doc, field, props.mediation().id)
  })
  // Candidates from the document when it is here (values whole), else from its summary (I8).
  const choices = createMemo((): Choice[] => {
    const values: Json[] =
      disputeHere()?.candidates.map((c) => c.value) ??
      summaryDisputes(getSummary(sync.workspace.doc, props.link.documentId))
        .find((d) => d.field === field)
        ?.candidates.flatMap((c) => (c.value === undefined ? [] : [c.value])) ??
      []
    const unique = new Map(values.map((v) => [canonicalJson(v), v]))
    return [...unique.values()].map((value) => ({ value, label: format.valueLabel(field, value) }))
  })
  const action = createMediationAction()
  const apply = () => {
    const done = action.run(() =>
      applyRecordedDecision(props.conn.doc, source.conn.doc, props.link.documentId, props.me),
    )
    if (done) refreshSourceSummary(sync.workspace.doc, props.link, source.conn)
    setVersion((v) => v + 1)
  }
  const owner = () =>
    format.agency(ws.entries().find((e) => e.id === props.link.documentId)?.ownerAgencyId ?? '')
  const decided = () => {
    const d = props.mediation().decision
    return d.state === 'settled' && d.value.value !== undefined
  }
  return (
    <>
      <Show when={!props.mediation().closed && !applied()}>
        <DecisionForm {...props} field={field} candidates={choices()} />
      </Show>
      <div class="md-apply" data-testid="mediation-apply">
        <h3>{t('mediation.apply.heading', { field: format.fieldLabel(field) })}</h3>
        <Switch>
          <Match when={applied()}>
            <p data-testid="mediation-applied">
              <strong class="badge">{t('mediation.apply.done')}</strong>{' '}
              <A href={`/documents/${props.link.documentId}`}>{t('mediation.apply.toSource')}</A>
            </p>
          </Match>
          <Match when={refused()}>
            <p class="notice" data-testid="mediation-apply-no-access">
              {t('mediation.apply.noAccess', { agency: owner() })}
            </p>
            <button
              type="button"
              class="secondary"
              onClick={() => props.retry()}
              data-testid="mediation-apply-retry"
            >
              {t('mediation.apply.retry')}
            </button>
          </Match>
          <Match when={!synced()}>
            <p class="md-muted" data-testid="mediation-apply-waiting">
              {t('mediation.apply.waiting')}
            </p>
          </Match>
          <Match when={!disputeHere()}>
            <p class="md-muted" data-testid="mediation-apply-not-disputed">
              {t('mediation.apply.notDisputed')}
            </p>
          </Match>
          <Match when={!decided()}>
            <p class="md-muted">{t('mediation.apply.recordFirst')}</p>
          </Match>
          <Match when={true}>
            <p>
              <button
                type="button"
                class="primary"
                onClick={apply}
                data-testid="mediation-apply-submit"
              >
                {t('mediation.apply.submit')}
              </button>
            </p>
          </Match>
        </Switch>
        <ProblemAlert problem={action.problem()} testId="mediation-apply-error" />
      </div>
    </>
  )
}

/** After the dispute is settled, the source's summary no longer lists it (I7, I8). */
function refreshSourceSummary(
  workspace: DocConnection['doc'],
  link: MediationLink,
  source: DocConnection,
) {
  const referral = link.kind === 'referral' ? readOrNull(() => readReferral(source.doc)) : null
  const current = getSummary(workspace, link.documentId)
  const base = referral ? digestAsSummary(referralDigest(referral)) : current
  if (base) setSummary(workspace, link.documentId, withDisputes(base, source.doc))
}

/** MD9: the mediator's decision: one candidate, another date, or an agreement without a value. */
const DecisionForm = (
  props: MediationPanelProps & { field: string | undefined; candidates: Choice[] },
) => {
  const { t } = useI18n()
  const uid = createUniqueId()
  const action = createMediationAction()
  const [choice, setChoice] = createSignal<number | 'date' | 'none' | null>(null)
  const [date, setDate] = createSignal('')
  const [rationale, setRationale] = createSignal('')
  const dates = () =>
    props.candidates.length > 0 &&
    props.candidates.every((c) => typeof c.value === 'string' && ISO_DATE.test(c.value))
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const c = choice()
    const value: Json | undefined =
      typeof c === 'number' ? props.candidates[c]?.value : c === 'date' ? date() : undefined
    const done = action.run(() => {
      recordDecision(
        props.conn.doc,
        { rationale: rationale().trim(), ...(value !== undefined && { value }) },
        props.me,
      )
    })
    if (done) {
      setRationale('')
      props.onWrite()
    }
  }
  return (
    <form class="md-form" onSubmit={submit} novalidate aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('mediation.decision.record')}</h3>
      <fieldset>
        <legend>{t('mediation.decision.value')}</legend>
        <For each={props.candidates}>
          {(c, i) => (
            <label class="md-check">
              <input
                type="radio"
                name={`${uid}-value`}
                checked={choice() === i()}
                onChange={() => setChoice(i())}
                data-value={JSON.stringify(c.value)}
                data-testid={`mediation-decision-choice-${i()}`}
              />
              <span>{c.label}</span>
            </label>
          )}
        </For>
        <Show when={dates()}>
          <label class="md-check">
            <input
              type="radio"
              name={`${uid}-value`}
              checked={choice() === 'date'}
              onChange={() => setChoice('date')}
              data-testid="mediation-decision-choice-date"
            />
            <span>{t('mediation.decision.otherDate')}</span>
          </label>
          <Show when={choice() === 'date'}>
            <InputField
              id={`${uid}-date`}
              type="date"
              label={t('mediation.decision.date')}
              value={date()}
              onInput={setDate}
              testId="mediation-decision-date"
            />
          </Show>
        </Show>
        <label class="md-check">
          <input
            type="radio"
            name={`${uid}-value`}
            checked={choice() === 'none'}
            onChange={() => setChoice('none')}
            data-testid="mediation-decision-choice-none"
          />
          <span>{t('mediation.decision.agreementOnly')}</span>
        </label>
      </fieldset>
      <div class="field">
        <label for={`${uid}-rationale`}>{t('mediation.decision.rationale')}</label>
        <textarea
          id={`${uid}-rationale`}
          rows={3}
          value={rationale()}
          onInput={(e) => setRationale(e.currentTarget.value)}
          aria-describedby={`${uid}-hint`}
          data-testid="mediation-decision-rationale"
        />
        <p id={`${uid}-hint`} class="field-hint">
          {t('mediation.decision.rationaleHint')}
        </p>
      </div>
      <ProblemAlert problem={action.problem()} testId="mediation-decision-error" />
      <SubmitActions label={t('mediation.decision.submit')} testId="mediation-decision-submit" />
    </form>
  )
}

/** MD11: the outcome closes the log; "resolved" needs a recorded decision. */
const OutcomeForm = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const uid = createUniqueId()
  const action = createMediationAction()
  const [outcome, setOutcome] = createSignal<MediationOutcome>('resolved')
  const [note, setNote] = createSignal('')
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const text = note().trim()
    const done = action.run(() =>
      recordMediationOutcome(props.conn.doc, outcome(), props.me, text ? { note: text } : {}),
    )
    if (done) props.onWrite()
  }
  return (
    <form class="md-form" onSubmit={submit} novalidate aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('mediation.outcome.heading')}</h3>
      <div class="field">
        <label for={`${uid}-outcome`}>{t('mediation.outcome.label')}</label>
        <select
          id={`${uid}-outcome`}
          onChange={(e) => setOutcome(e.currentTarget.value as MediationOutcome)}
          data-testid="mediation-outcome"
        >
          <For each={MEDIATION_OUTCOMES}>
            {(o) => (
              <option value={o} selected={o === outcome()}>
                {t(`mediation.outcome.${o}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={`${uid}-note`}>{t('mediation.outcome.note')}</label>
        <textarea
          id={`${uid}-note`}
          rows={2}
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
          data-testid="mediation-outcome-note"
        />
      </div>
      <ProblemAlert problem={action.problem()} testId="mediation-outcome-error" />
      <SubmitActions label={t('mediation.outcome.submit')} testId="mediation-outcome-submit" />
    </form>
  )
}
