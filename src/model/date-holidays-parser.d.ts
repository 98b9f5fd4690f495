// date-holidays-parser ships types that its package.json "exports" hides from TypeScript; this
// is the part public-holidays.ts uses (the engine date-holidays itself runs on its own data).
declare module 'date-holidays-parser' {
  export default class HolidaysParser {
    constructor(
      data: { holidays: Record<string, unknown> },
      country: string,
      opts?: { types?: string[] },
    )
    getHolidays(year: number): { date: string; type: string; name: string }[]
  }
}
