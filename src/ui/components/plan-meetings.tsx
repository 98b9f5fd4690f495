import { createSignal, For, Show } from 'solid-js'
import {
  addMeeting,
  ATTENDANCE,
  type Attendance,
  meetingMinutes,
  type PlanMeeting,
  recordAttendance,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { readOrNull } from '../state/create-open-document.ts'
import {
  createIds,
  createPlanAction,
  Editing,
  mayEdit,
  type PlanCtx,
  PlanSection,
  ProblemAlert,
  ParticipantChecklist,
  usePlanNames,
} from './plan-common.tsx'
import { PlanCalendarButton } from './plan-ical.tsx'
import { TextFieldEditor } from './text-field.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

/** FP17: meetings with who was invited and came, the agenda and the minutes. */
export const PlanMeetings = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const ctx = props.ctx
  const ids = createIds(() => ctx.plan().meetings)
  return (
    <PlanSection
      id="meetings"
      title={t('plan.section.meetings')}
      ctx={ctx}
      fields={(f) => f.startsWith('meeting:')}
    >
      <PlanCalendarButton ctx={ctx} />
      <Show when={ids().length === 0}>
        <p class="plan-muted">{t('plan.meetings.none')}</p>
      </Show>
      <For each={ids()}>
        {(id) => (
          <Show when={ctx.plan().meetings.some((m) => m.id === id)}>
            <MeetingCard
              ctx={ctx}
              meeting={() => ctx.plan().meetings.find((m) => m.id === id) as PlanMeeting}
            />
          </Show>
        )}
      </For>
      <Show when={mayEdit(ctx)}>
        <AddMeeting ctx={ctx} />
      </Show>
    </PlanSection>
  )
}

const MeetingCard = (props: { ctx: PlanCtx; meeting: () => PlanMeeting }) => {
  const { t, formatDateTime } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const m = () => props.meeting()
  const id = m().id
  const action = createPlanAction()
  const minutes = readOrNull(() => meetingMinutes(ctx.conn.doc, id, ctx.me))
  const response = (pid: string) => m().attendance.find((a) => a.participantId === pid)?.response
  return (
    <article
      class="plan-meeting"
      data-testid="plan-meeting"
      data-id={id}
      aria-labelledby={`meeting-h-${id}`}
    >
      <h3 id={`meeting-h-${id}`}>
        <time datetime={m().start}>{formatDateTime(m().start)}</time> · {m().place}
      </h3>
      <p class="plan-muted">{t('plan.meetings.duration', { count: m().durationMinutes })}</p>
      <h4>{t('plan.meetings.attendees')}</h4>
      <ul class="plan-list">
        <For each={m().attendees}>
          {(pid) => (
            <li>
              <label for={`attendance-${id}-${pid}`}>{names.participant(ctx.plan(), pid)}</label>
              <select
                id={`attendance-${id}-${pid}`}
                disabled={!mayEdit(ctx)}
                data-testid={`attendance-${id}-${pid}`}
                onChange={(e) => {
                  const v = e.currentTarget.value as Attendance
                  if (action.run(() => recordAttendance(ctx.conn.doc, id, pid, v, ctx.me)))
                    ctx.onWrite()
                }}
              >
                <option value="" selected={response(pid) === undefined} disabled>
                  {t('plan.attendance.unknown')}
                </option>
                <For each={ATTENDANCE}>
                  {(a) => (
                    <option value={a} selected={response(pid) === a}>
                      {t(`plan.attendance.${a}`)}
                    </option>
                  )}
                </For>
              </select>
            </li>
          )}
        </For>
      </ul>
      <Show when={m().agenda.length > 0}>
        <h4>{t('plan.meetings.agenda')}</h4>
        <ol class="plan-agenda">
          <For each={m().agenda}>{(item) => <li>{item}</li>}</For>
        </ol>
      </Show>
      <Show when={minutes}>
        {(tf) => (
          <TextFieldEditor
            id={`minutes-${id}`}
            field={tf()}
            label={t('plan.meetings.minutes')}
            readOnly={!mayEdit(ctx)}
            testId={`minutes-${id}`}
            onFocusChange={(on) => ctx.focus(on ? `meeting:${id}:minutes` : null)}
            aside={<Editing ctx={ctx} field={`meeting:${id}:minutes`} />}
          />
        )}
      </Show>
      <ProblemAlert problem={action.problem()} testId={`meeting-error-${id}`} />
    </article>
  )
}

const AddMeeting = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [start, setStart] = createSignal('')
  const [duration, setDuration] = createSignal('90')
  const [place, setPlace] = createSignal('')
  const [attendees, setAttendees] = createSignal<string[]>([])
  const [agenda, setAgenda] = createSignal('')
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const when = start() === '' ? '' : new Date(start()).toISOString()
    const ok = action.run(() => {
      addMeeting(
        props.ctx.conn.doc,
        {
          start: when,
          durationMinutes: Number(duration()),
          place: place(),
          attendees: attendees(),
          agenda: agenda()
            .split('\n')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        },
        props.ctx.me,
      )
    })
    if (ok) {
      setStart('')
      setPlace('')
      setAttendees([])
      setAgenda('')
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={add} novalidate aria-labelledby="plan-add-meeting-h">
      <h3 id="plan-add-meeting-h">{t('plan.meetings.new')}</h3>
      <div class="plan-grid">
        <div class="field">
          <label for="plan-meeting-start">{t('plan.meetings.start')}</label>
          <input
            id="plan-meeting-start"
            type="datetime-local"
            value={start()}
            onInput={(e) => setStart(e.currentTarget.value)}
            data-testid="plan-meeting-start"
          />
        </div>
        <div class="field">
          <label for="plan-meeting-duration">{t('plan.meetings.durationLabel')}</label>
          <input
            id="plan-meeting-duration"
            type="number"
            min="1"
            max="1440"
            value={duration()}
            onInput={(e) => setDuration(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="plan-meeting-place">{t('plan.meetings.place')}</label>
          <input
            id="plan-meeting-place"
            value={place()}
            onInput={(e) => setPlace(e.currentTarget.value)}
            data-testid="plan-meeting-place"
          />
        </div>
      </div>
      <ParticipantChecklist
        ctx={props.ctx}
        legend={t('plan.meetings.invite')}
        chosen={attendees()}
        onChange={setAttendees}
        testIdPrefix="plan-meeting-invite-"
      />
      <div class="field">
        <label for="plan-meeting-agenda">{t('plan.meetings.agenda')}</label>
        <textarea
          id="plan-meeting-agenda"
          rows={3}
          value={agenda()}
          aria-describedby="plan-meeting-agenda-hint"
          onInput={(e) => setAgenda(e.currentTarget.value)}
        />
        <p id="plan-meeting-agenda-hint" class="field-hint">
          {t('plan.meetings.agendaHint')}
        </p>
      </div>
      <ProblemAlert problem={action.problem()} testId="plan-add-meeting-error" />
      <button type="submit" class="secondary" data-testid="plan-add-meeting">
        {t('plan.meetings.add')}
      </button>
    </form>
  )
}
