import { A } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import {
  type FieldState,
  MEDIATION_CATEGORIES,
  MEDIATION_URGENCIES,
  type MediationCategory,
  type MediationUrgency,
  setMediationTerms,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import { SubmitActions } from './form-fields.tsx'
import {
  createMediationAction,
  type MediationPanelProps,
  useMediationFormat,
} from './mediation-common.tsx'
import { ProblemAlert } from './referral-common.tsx'
import { mediation } from '../i18n/messages/mediation.ts'

registerMessages(mediation)

/** Who disagrees, who mediates, about which records, in which category and how urgently. */
export const MediationFacts = (props: MediationPanelProps) => {
  const { t, formatDateTime } = useI18n()
  const ws = useWorkspace()
  const format = useMediationFormat()
  const m = () => props.mediation()
  const linkTitle = (documentId: string) =>
    ws.entries().find((e) => e.id === documentId)?.title ?? t('mediation.link.unknown')
  return (
    <section class="md-panel" aria-labelledby="md-facts-heading">
      <h2 id="md-facts-heading">{t('mediation.facts.heading')}</h2>
      <dl class="md-facts">
        <div>
          <dt>{t('mediation.facts.parties')}</dt>
          <dd>
            <ul class="md-plain" data-testid="mediation-parties">
              <For each={m().parties}>
                {(p) => (
                  <li data-testid="mediation-party" data-agency={p.agencyId}>
                    {format.agency(p.agencyId)}
                    <Show when={p.memberId}>{(id) => <> · {format.member(id())}</>}</Show>
                  </li>
                )}
              </For>
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('mediation.facts.mediator')}</dt>
          <dd data-testid="mediation-mediator">
            {format.member(m().mediator.memberId)} · {format.agency(m().mediator.agencyId)}
          </dd>
        </div>
        <div>
          <dt>{t('mediation.facts.records')}</dt>
          <dd>
            <ul class="md-plain">
              <For each={m().links}>
                {(l) => (
                  <li>
                    <A
                      href={`/documents/${l.documentId}`}
                      data-testid="mediation-record-link"
                      data-document={l.documentId}
                    >
                      {t(`mediation.linkKind.${l.kind}`)}: {linkTitle(l.documentId)}
                    </A>
                    <Show when={l.field}>{(f) => <> — {format.fieldLabel(f())}</>}</Show>
                  </li>
                )}
              </For>
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('mediation.facts.category')}</dt>
          <dd data-testid="mediation-category">
            <TermValue field={m().category} label={(c) => t(`mediation.category.${c}`)} />
          </dd>
        </div>
        <div>
          <dt>{t('mediation.facts.urgency')}</dt>
          <dd data-testid="mediation-urgency">
            <TermValue field={m().urgency} label={(u) => t(`mediation.urgency.${u}`)} />
          </dd>
        </div>
        <div>
          <dt>{t('mediation.facts.opened')}</dt>
          <dd>
            <time datetime={m().openedAt}>{formatDateTime(m().openedAt)}</time> ·{' '}
            {format.member(m().openedBy.memberId)}
          </dd>
        </div>
      </dl>
      <Show when={props.mediator && !props.readOnly}>
        <TermsForm {...props} />
      </Show>
    </section>
  )
}

function TermValue<T>(props: { field: FieldState<T>; label: (v: T) => string }) {
  const { t } = useI18n()
  return (
    <Show
      when={props.field.state === 'settled' && props.field}
      fallback={
        <Show when={props.field.state === 'disputed'} fallback={t('mediation.value.none')}>
          <strong class="badge badge-overdue">{t('mediation.disputed')}</strong>
        </Show>
      }
    >
      {(f) => props.label((f() as { value: T }).value)}
    </Show>
  )
}

/** MD7: the mediator changes the category or the urgency (which changes the deadline). */
const TermsForm = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const action = createMediationAction()
  const settled = <T,>(f: FieldState<T>, fallback: T): T =>
    f.state === 'settled' ? f.value : fallback
  const [category, setCategory] = createSignal<MediationCategory>(
    settled(props.mediation().category, 'other'),
  )
  const [urgency, setUrgency] = createSignal<MediationUrgency>(
    settled(props.mediation().urgency, 'normal'),
  )
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const m = props.mediation()
    const terms: { category?: MediationCategory; urgency?: MediationUrgency; rationale?: string } =
      {}
    if (settled<string>(m.category, '') !== category()) terms.category = category()
    if (settled<string>(m.urgency, '') !== urgency()) terms.urgency = urgency()
    if (m.category.state === 'disputed' || m.urgency.state === 'disputed') {
      terms.rationale = t('mediation.terms.settledByMediator')
    }
    if (!terms.category && !terms.urgency) return
    if (action.run(() => setMediationTerms(props.conn.doc, terms, props.me))) props.onWrite()
  }
  const Select = <T extends string>(p: {
    id: string
    label: MessageKey
    values: readonly T[]
    value: T
    onChange: (v: T) => void
    name: (v: T) => string
  }) => (
    <div class="field">
      <label for={p.id}>{t(p.label)}</label>
      <select id={p.id} data-testid={p.id} onChange={(e) => p.onChange(e.currentTarget.value as T)}>
        <For each={p.values}>
          {(v) => (
            <option value={v} selected={v === p.value}>
              {p.name(v)}
            </option>
          )}
        </For>
      </select>
    </div>
  )
  return (
    <form class="md-form md-terms" onSubmit={save} novalidate>
      <Select
        id="mediation-terms-category"
        label="mediation.facts.category"
        values={MEDIATION_CATEGORIES}
        value={category()}
        onChange={setCategory}
        name={(c) => t(`mediation.category.${c}`)}
      />
      <Select
        id="mediation-terms-urgency"
        label="mediation.facts.urgency"
        values={MEDIATION_URGENCIES}
        value={urgency()}
        onChange={setUrgency}
        name={(u) => t(`mediation.urgency.${u}`)}
      />
      <ProblemAlert problem={action.problem()} testId="mediation-terms-error" />
      <SubmitActions label={t('mediation.terms.save')} testId="mediation-terms-save" />
    </form>
  )
}
