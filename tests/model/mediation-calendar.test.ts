import { describe, expect, it } from 'vitest'
import { ModelError } from '../../src/model/errors.ts'
import { stageDeadline } from '../../src/model/mediation-calendar.ts'
import { timeLeft } from '../../src/model/mediation-read.ts'
import { publicHolidayCalendar } from '../../src/model/public-holidays.ts'
import { addWorkingDays, type Holidays } from '../../src/model/working-days.ts'

const POLAND = publicHolidayCalendar('PL')

const deadline = (enteredAt: string, stage: 1 | 2 | 3 | 4, holidays: Holidays = []) =>
  stageDeadline(enteredAt, stage, 'normal', holidays).toISOString()

const code = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    return err instanceof ModelError ? err.code : 'other'
  }
  return 'none'
}

describe('mediation deadlines in working days', () => {
  it('MD6: five working days skip the weekend; the day of entry does not count', () => {
    // Wednesday 5 March 2025: Thu, Fri, Mon, Tue, Wed 12 March; time is up when the 13th begins.
    expect(deadline('2025-03-05T10:00:00.000Z', 1)).toBe('2025-03-13T00:00:00.000Z')
    expect(deadline('2025-03-05T10:00:00.000Z', 2)).toBe('2025-03-13T00:00:00.000Z')
    expect(deadline('2025-03-05T10:00:00.000Z', 3)).toBe('2025-03-13T00:00:00.000Z')
  })

  it('MD6: a stage entered at the weekend counts from Monday', () => {
    expect(deadline('2025-03-08T09:00:00.000Z', 1)).toBe('2025-03-15T00:00:00.000Z')
    expect(deadline('2025-03-09T23:59:00.000Z', 1)).toBe('2025-03-15T00:00:00.000Z')
  })

  it('MD6: stage 4 (partnership board) has fourteen working days', () => {
    // Monday 3 March 2025 → Friday 21 March is the 14th working day after it.
    expect(deadline('2025-03-03T08:00:00.000Z', 4)).toBe('2025-03-22T00:00:00.000Z')
  })

  it('MD6: public holidays are skipped (Polish Easter Monday)', () => {
    // Thursday 17 April 2025; Easter Monday 21 April is a holiday in Poland.
    expect(deadline('2025-04-17T12:00:00.000Z', 1)).toBe('2025-04-25T00:00:00.000Z')
    expect(deadline('2025-04-17T12:00:00.000Z', 1, POLAND)).toBe('2025-04-26T00:00:00.000Z')
  })

  it('MD6: each partnership passes its own holidays (Kyrgyz Nooruz is not a Polish holiday)', () => {
    const entered = '2025-03-19T06:00:00.000Z'
    expect(deadline(entered, 1, POLAND)).toBe('2025-03-27T00:00:00.000Z')
    expect(deadline(entered, 1, ['2025-03-21'])).toBe('2025-03-28T00:00:00.000Z')
  })

  it('MD6: Christmas and New Year in Poland (24–26 December from 2025, 1 January)', () => {
    // Monday 22 Dec 2025: Tue 23, Mon 29, Tue 30, Wed 31, Fri 2 January.
    expect(deadline('2025-12-22T10:00:00.000Z', 2, POLAND)).toBe('2026-01-03T00:00:00.000Z')
    expect(addWorkingDays('2025-12-22', 1, POLAND)).toBe('2025-12-23')
    expect(addWorkingDays('2025-12-23', 1, POLAND)).toBe('2025-12-29')
  })

  it('MD6: urgent matters get 24 clock hours in every stage, weekends included', () => {
    const friday = '2025-03-07T15:00:00.000Z'
    for (const stage of [1, 2, 3, 4] as const) {
      expect(stageDeadline(friday, stage, 'urgent', []).toISOString()).toBe(
        '2025-03-08T15:00:00.000Z',
      )
    }
  })

  it('MD6: days are UTC days, so every device agrees whatever its zone', () => {
    // 23:30 UTC on Thursday is already Friday 00:30 in Warsaw; it still counts as Thursday.
    expect(deadline('2025-03-06T23:30:00.000Z', 1)).toBe('2025-03-14T00:00:00.000Z')
    expect(deadline('2025-03-07T00:30:00.000Z', 1)).toBe('2025-03-15T00:00:00.000Z')
  })

  it('MD6: breached once now reaches the deadline', () => {
    const m = {
      stage: 1 as const,
      stageEnteredAt: '2025-03-05T10:00:00.000Z',
      effectiveUrgency: 'normal' as const,
      holidays: [],
    }
    const end = Date.parse('2025-03-13T00:00:00.000Z')
    expect(timeLeft(m, new Date(end - 1))).toEqual({
      deadline: '2025-03-13T00:00:00.000Z',
      msLeft: 1,
      breached: false,
    })
    expect(timeLeft(m, new Date(end))).toMatchObject({ msLeft: 0, breached: true })
    expect(timeLeft(m, new Date(end + 3_600_000))).toMatchObject({
      msLeft: -3_600_000,
      breached: true,
    })
  })

  it('MD6, W7: Polish public holidays from date-holidays, movable feasts included', () => {
    const y2025 = ['01-01', '01-06', '04-21', '05-01', '05-03', '06-19', '08-15', '11-01']
    for (const md of [...y2025, '11-11', '12-24', '12-25', '12-26']) {
      expect(POLAND(`2025-${md}`)).toBe(true)
    }
    expect(POLAND('2026-04-06')).toBe(true)
    expect(POLAND('2026-06-04')).toBe(true)
    expect(POLAND('2027-03-29')).toBe(true)
    // Christmas Eve became a day off in 2025; Good Friday is a working day in Poland.
    expect(POLAND('2024-12-24')).toBe(false)
    expect(POLAND('2026-04-03')).toBe(false)
  })

  it('MD6: malformed holidays and entry times are refused', () => {
    expect(code(() => deadline('2025-03-05T10:00:00.000Z', 1, ['2025-02-30']))).toBe('invalid-date')
    expect(code(() => deadline('not a time', 1))).toBe('invalid-date')
  })
})
