import { For, Show } from 'solid-js'
import { type DirSchedule, openingHours, type OpeningSlot, WEEKDAYS } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { intlLocale } from '../i18n/translate.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { directory } from '../i18n/messages/directory.ts'

registerMessages(directory)

// Opening hours in the reader's language: weekday names and times from Intl, so "Thursday
// 10:00–18:00" reads "czwartek 10:00–18:00" or "четверг 10:00–18:00".

const MONDAY = Date.UTC(2024, 0, 1) // a Monday
const DAY_MS = 86_400_000

export const useHoursFormat = () => {
  const { t, locale, formatDate } = useI18n()
  const dayName = (day: (typeof WEEKDAYS)[number]) =>
    new Intl.DateTimeFormat(intlLocale(locale()), { weekday: 'long', timeZone: 'UTC' }).format(
      MONDAY + WEEKDAYS.indexOf(day) * DAY_MS,
    )
  const time = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number)
    return new Intl.DateTimeFormat(intlLocale(locale()), {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(Date.UTC(2024, 0, 1, h ?? 0, m ?? 0))
  }
  const slot = (s: OpeningSlot): string => {
    const days = s.days.map((d) =>
      d.ordinal === undefined
        ? dayName(d.day)
        : d.ordinal < 0
          ? t('directory.hours.last', { day: dayName(d.day) })
          : t('directory.hours.nth', { day: dayName(d.day), n: d.ordinal }),
    )
    const parts = [new Intl.ListFormat(intlLocale(locale()), { type: 'conjunction' }).format(days)]
    if (s.opens && s.closes) {
      parts.push(t('directory.hours.range', { from: time(s.opens), to: time(s.closes) }))
    } else if (s.opens) parts.push(time(s.opens))
    if (s.interval > 1 && s.freq === 'WEEKLY') {
      parts.push(t('directory.hours.everyWeeks', { count: s.interval }))
    }
    if (s.validFrom && s.validTo) {
      parts.push(
        t('directory.hours.validity', { from: formatDate(s.validFrom), to: formatDate(s.validTo) }),
      )
    }
    return parts.filter((p) => p !== '').join(' · ')
  }
  return { slot }
}

/** The schedules of a service, a place or a meeting, one line each. */
export const HoursList = (props: { schedules: readonly DirSchedule[]; testId?: string }) => {
  const { slot } = useHoursFormat()
  return (
    <Show when={props.schedules.length > 0}>
      <ul class="dir-hours" data-testid={props.testId}>
        <For each={openingHours(props.schedules)}>
          {(s) => (
            <li>
              <Show when={s.days.length > 0 || s.opens}>
                <span class="dir-hours-when">{slot(s)}</span>
              </Show>
              <Show when={s.description}>
                <span class="dir-hours-note">{s.description}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
