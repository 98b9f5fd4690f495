import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js'
import {
  addLearningPoint,
  addMediationAction,
  addProposal,
  type MediationParticipant,
  recordSession,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { InputField, SubmitActions } from './form-fields.tsx'
import {
  createMediationAction,
  type MediationPanelProps,
  NoteForm,
  useMediationFormat,
} from './mediation-common.tsx'
import { Attributed, localDay, ProblemAlert } from './referral-common.tsx'
import { mediation } from '../i18n/messages/mediation.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(mediation, referral)

type Kind = 'sessions' | 'proposals' | 'actions' | 'learningPoints'

const HEADINGS: Record<Kind, MessageKey> = {
  sessions: 'mediation.sessions.heading',
  proposals: 'mediation.proposals.heading',
  actions: 'mediation.actions.heading',
  learningPoints: 'mediation.learning.heading',
}

/**
 * The log's records, each written once and never edited (MD10): sessions and agreed actions by
 * the mediator; proposals and learning points by a party's member or the mediator.
 */
export const MediationRecords = (props: MediationPanelProps & { kind: Kind }) => {
  const { t, formatDate } = useI18n()
  const format = useMediationFormat()
  const m = () => props.mediation()
  const may = () =>
    !props.readOnly &&
    (props.kind === 'sessions' || props.kind === 'actions'
      ? props.mediator
      : props.mediator || props.party)
  const who = (p: MediationParticipant) =>
    p.memberId
      ? `${format.member(p.memberId)} · ${format.agency(p.agencyId)}`
      : format.agency(p.agencyId)
  const day = (d: string) => formatDate(localDay(d))
  return (
    <section class="md-panel" aria-labelledby={`md-${props.kind}-heading`}>
      <h2 id={`md-${props.kind}-heading`}>{t(HEADINGS[props.kind])}</h2>
      <Switch>
        <Match when={props.kind === 'sessions'}>
          <ul class="md-list" data-testid="mediation-sessions">
            <For each={m().sessions} fallback={<li class="md-muted">{t('mediation.none')}</li>}>
              {(s) => (
                <li data-testid="mediation-session">
                  <strong>{day(s.date)}</strong> — {s.attendees.map(who).join(', ')}
                  <Show when={s.notes}>
                    <p class="md-text">{s.notes}</p>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={props.kind === 'proposals'}>
          <Texts items={m().proposals} testId="mediation-proposal" />
        </Match>
        <Match when={props.kind === 'actions'}>
          <ul class="md-list" data-testid="mediation-actions">
            <For each={m().actions} fallback={<li class="md-muted">{t('mediation.none')}</li>}>
              {(a) => (
                <li data-testid="mediation-action">
                  <span class="md-text">{a.what}</span>
                  <br />
                  {t('mediation.actions.whoWhen', { who: who(a.who), date: day(a.dueBy) })}
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={props.kind === 'learningPoints'}>
          <Texts items={m().learningPoints} testId="mediation-learning-point" />
        </Match>
      </Switch>
      <Show when={may()}>
        <Switch>
          <Match when={props.kind === 'sessions'}>
            <SessionForm {...props} />
          </Match>
          <Match when={props.kind === 'actions'}>
            <ActionForm {...props} />
          </Match>
          <Match when={props.kind === 'proposals'}>
            <TextForm
              {...props}
              write={addProposal}
              label="mediation.proposals.add"
              testId="mediation-proposal-form"
            />
          </Match>
          <Match when={props.kind === 'learningPoints'}>
            <TextForm
              {...props}
              write={addLearningPoint}
              label="mediation.learning.add"
              testId="mediation-learning-form"
            />
          </Match>
        </Switch>
      </Show>
    </section>
  )
}

const Texts = (props: {
  items: { id: string; text: string; memberId: string; agencyId: string; at: string }[]
  testId: string
}) => {
  const { t } = useI18n()
  return (
    <ul class="md-list">
      <For each={props.items} fallback={<li class="md-muted">{t('mediation.none')}</li>}>
        {(item) => (
          <li data-testid={props.testId}>
            <span class="md-text">{item.text}</span>
            <br />
            <Attributed by={item} text="referral.by" class="rf-by" />
          </li>
        )}
      </For>
    </ul>
  )
}

const TextForm = (
  props: MediationPanelProps & {
    write: typeof addProposal
    label: MessageKey
    testId: string
  },
) => {
  const { t } = useI18n()
  const action = createMediationAction()
  return (
    <NoteForm
      label={t(props.label)}
      submit={t('mediation.add')}
      testId={props.testId}
      problem={action.problem()}
      write={(text) => {
        const done = action.run(() => props.write(props.conn.doc, text, props.me))
        if (done) props.onWrite()
        return done
      }}
    />
  )
}

/** Today on this device's calendar, as YYYY-MM-DD. */
const today = () => {
  const d = new Date()
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`
}

/** Everyone who may attend: each party, and the mediator. */
const participants = (props: MediationPanelProps): MediationParticipant[] => [
  ...props.mediation().parties.map((p) => ({
    agencyId: p.agencyId,
    ...(p.memberId !== undefined && { memberId: p.memberId }),
  })),
  props.mediation().mediator,
]

const SessionForm = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const format = useMediationFormat()
  const uid = createUniqueId()
  const action = createMediationAction()
  const [date, setDate] = createSignal(today())
  const [present, setPresent] = createSignal<number[]>([])
  const [notes, setNotes] = createSignal('')
  const all = () => participants(props)
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const attendees = all().filter((_, i) => present().includes(i))
    const done = action.run(() =>
      recordSession(props.conn.doc, { date: date(), attendees, notes: notes() }, props.me),
    )
    if (done) {
      setNotes('')
      setPresent([])
      props.onWrite()
    }
  }
  return (
    <form class="md-form" onSubmit={submit} novalidate aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('mediation.sessions.add')}</h3>
      <InputField
        id={`${uid}-date`}
        type="date"
        label={t('mediation.sessions.date')}
        value={date()}
        onInput={setDate}
        testId="mediation-session-date"
      />
      <fieldset>
        <legend>{t('mediation.sessions.attendees')}</legend>
        <For each={all()}>
          {(p, i) => (
            <label class="md-check">
              <input
                type="checkbox"
                checked={present().includes(i())}
                onChange={(e) =>
                  setPresent((list) =>
                    e.currentTarget.checked ? [...list, i()] : list.filter((x) => x !== i()),
                  )
                }
              />
              <span>
                {format.agency(p.agencyId)}
                <Show when={p.memberId}>{(id) => <> · {format.member(id())}</>}</Show>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for={`${uid}-notes`}>{t('mediation.sessions.notes')}</label>
        <textarea
          id={`${uid}-notes`}
          rows={3}
          value={notes()}
          onInput={(e) => setNotes(e.currentTarget.value)}
          data-testid="mediation-session-notes"
        />
      </div>
      <ProblemAlert problem={action.problem()} testId="mediation-session-error" />
      <SubmitActions label={t('mediation.add')} testId="mediation-session-submit" />
    </form>
  )
}

const ActionForm = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const format = useMediationFormat()
  const uid = createUniqueId()
  const action = createMediationAction()
  const [what, setWhat] = createSignal('')
  const [who, setWho] = createSignal(0)
  const [dueBy, setDueBy] = createSignal('')
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const party = participants(props)[who()]
    if (!party) return
    const done = action.run(() =>
      addMediationAction(props.conn.doc, { what: what(), who: party, dueBy: dueBy() }, props.me),
    )
    if (done) {
      setWhat('')
      setDueBy('')
      props.onWrite()
    }
  }
  return (
    <form class="md-form" onSubmit={submit} novalidate aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('mediation.actions.add')}</h3>
      <InputField
        id={`${uid}-what`}
        label={t('mediation.actions.what')}
        value={what()}
        onInput={setWhat}
        testId="mediation-action-what"
      />
      <div class="field">
        <label for={`${uid}-who`}>{t('mediation.actions.who')}</label>
        <select
          id={`${uid}-who`}
          onChange={(e) => setWho(Number(e.currentTarget.value))}
          data-testid="mediation-action-who"
        >
          <For each={participants(props)}>
            {(p, i) => (
              <option value={i()} selected={i() === who()}>
                {format.agency(p.agencyId)}
                {p.memberId ? ` · ${format.member(p.memberId)}` : ''}
              </option>
            )}
          </For>
        </select>
      </div>
      <InputField
        id={`${uid}-due`}
        type="date"
        label={t('mediation.actions.dueBy')}
        value={dueBy()}
        onInput={setDueBy}
        testId="mediation-action-due"
      />
      <ProblemAlert problem={action.problem()} testId="mediation-action-error" />
      <SubmitActions label={t('mediation.add')} testId="mediation-action-submit" />
    </form>
  )
}
