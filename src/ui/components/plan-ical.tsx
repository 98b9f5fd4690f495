import { planCalendar } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import type { PlanCtx } from './plan-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

/**
 * FP27: the meetings and review dates as an iCalendar file (.ics) for the people's calendars;
 * attendees by what the plan holds, professionals by their names in the directory.
 */
export const PlanCalendarButton = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const download = () => {
    const plan = props.ctx.plan()
    const memberNames = Object.fromEntries(ws.members().map((m) => [m.id, m.displayName]))
    const text = planCalendar(plan, {
      now: new Date(),
      memberNames,
      labels: {
        calendar: t('plan.ical.calendar'),
        meeting: t('plan.ical.meeting'),
        review: t('plan.ical.review'),
      },
    })
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `plan-${plan.id}.ics`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return (
    <p>
      <button
        type="button"
        class="secondary"
        onClick={download}
        disabled={props.ctx.plan().meetings.length + props.ctx.plan().reviews.length === 0}
        data-testid="plan-ical"
      >
        {t('plan.ical.download')}
      </button>
    </p>
  )
}
