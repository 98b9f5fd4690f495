import Holidays from 'date-holidays'
import HolidaysParser from 'date-holidays-parser'
import type { WorkspaceCountry } from './workspace.ts'
import type { HolidayCalendar } from './working-days.ts'

// The one place where public holidays are built from date-holidays (W7). The library and its
// data weigh about 1.5 MB minified (moment-timezone, astronomical tables, 200 countries), so the
// app loads this module lazily (src/ui/state/holiday-calendar.ts) and the rest of the model only
// ever sees the predicate. Pure: no Node or DOM API (the browser build bundles it as is).
//
// date-holidays 3.37 has no Kyrgyzstan, so its rules are written here in the library's own rule
// language and run by its engine (date-holidays-parser): Labour Code of the Kyrgyz Republic,
// art. 113, as amended (the April Revolution day since 2016). A holiday on a Saturday or Sunday
// moves to the next working day, as the article says. Orozo Ait and Kurman Ait follow the
// computed Hijri calendar; the government fixes them by decree each year and may differ by a
// day, as it may move other days off by decree. To be reviewed against the year's decree.
const WEEKEND_MOVES = 'and if saturday,sunday then next monday'
// 7 and 8 November are a pair: on Saturday and Sunday they move to Monday and Tuesday.
const PAIR_MOVES = 'and if saturday then next monday if sunday then next tuesday'
const KYRGYZSTAN = {
  names: { ky: 'Кыргызстан', ru: 'Кыргызстан', en: 'Kyrgyzstan' },
  langs: ['ky', 'ru'],
  zones: ['Asia/Bishkek'],
  days: {
    [`01-01 ${WEEKEND_MOVES}`]: { name: { ky: 'Жаңы жыл', en: "New Year's Day" } },
    [`01-07 ${WEEKEND_MOVES}`]: { name: { ky: 'Ыйсанын туулган күнү', en: 'Orthodox Christmas' } },
    [`02-23 ${WEEKEND_MOVES}`]: {
      name: { ky: 'Ата Мекенди коргоочулар күнү', en: "Defender's Day" },
    },
    [`03-08 ${WEEKEND_MOVES}`]: { name: { ky: 'Эл аралык аялдар күнү', en: "Women's Day" } },
    [`03-21 ${WEEKEND_MOVES}`]: { name: { ky: 'Нооруз', en: 'Nooruz' } },
    [`04-07 since 2016 ${WEEKEND_MOVES}`]: {
      name: { ky: 'Элдик Апрель революциясынын күнү', en: "People's April Revolution Day" },
    },
    [`05-01 ${WEEKEND_MOVES}`]: { name: { ky: 'Эмгек майрамы', en: 'Labour Day' } },
    [`05-05 ${WEEKEND_MOVES}`]: { name: { ky: 'Конституция күнү', en: 'Constitution Day' } },
    [`05-09 ${WEEKEND_MOVES}`]: { name: { ky: 'Жеңиш күнү', en: 'Victory Day' } },
    [`08-31 ${WEEKEND_MOVES}`]: { name: { ky: 'Эгемендүүлүк күнү', en: 'Independence Day' } },
    [`11-07 ${PAIR_MOVES}`]: {
      name: {
        ky: 'Тарых жана ата-бабаларды эскерүү күнү',
        en: 'Days of History and Remembrance of Ancestors',
      },
    },
    [`11-08 ${PAIR_MOVES}`]: {
      name: {
        ky: 'Тарых жана ата-бабаларды эскерүү күнү',
        en: 'Days of History and Remembrance of Ancestors',
      },
    },
    '1 Shawwal': { name: { ky: 'Орозо айт', en: 'Eid al-Fitr' } },
    '10 Dhu al-Hijjah': { name: { ky: 'Курман айт', en: 'Eid al-Adha' } },
  },
}

type Source = { getHolidays(year: number): { date: string; type: string }[] }

const source = (country: WorkspaceCountry): Source =>
  country === 'KG'
    ? new HolidaysParser({ holidays: { KG: KYRGYZSTAN } }, 'KG', { types: ['public'] })
    : new Holidays(country, { types: ['public'] })

/**
 * W7: the public holidays (type `public`, never observances) of a workspace's country as a
 * predicate over YYYY-MM-DD days, each year computed once when first asked about.
 */
export function publicHolidayCalendar(country: WorkspaceCountry): HolidayCalendar {
  const holidays = source(country)
  const years = new Map<number, ReadonlySet<string>>()
  return (day) => {
    const year = Number(day.slice(0, 4))
    let days = years.get(year)
    if (days === undefined) {
      // `date` is the holiday's local day ("YYYY-MM-DD hh:mm:ss"), which is the day meant.
      const list = holidays.getHolidays(year).filter((h) => h.type === 'public')
      days = new Set(list.map((h) => h.date.slice(0, 10)))
      years.set(year, days)
    }
    return days.has(day)
  }
}
