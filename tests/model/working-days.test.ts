import Holidays from 'date-holidays'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readMediation } from '../../src/model/mediation-read.ts'
import { consoleItem, supervisorConsole } from '../../src/model/mediation-summary.ts'
import { mediationSummary, parseMediationDigest } from '../../src/model/mediation-summary.ts'
import { moveStage } from '../../src/model/mediation-stage.ts'
import { publicHolidayCalendar } from '../../src/model/public-holidays.ts'
import { agreedResponseTime, respondByFrom } from '../../src/model/referral-respond-by.ts'
import type { ResponseTime } from '../../src/model/directory-vocab.ts'
import { addWorkingDays, isWorkingDay, NO_HOLIDAYS } from '../../src/model/working-days.ts'
import { workingDaysEnd } from '../../src/model/working-days.ts'
import { anna, mediationIn } from './mediation-fixtures.ts'

// Test 4 of issue 19: working days across Easter and 3 May (Poland) and across Nooruz
// (Kyrgyzstan), with the clock passed in. The calendars are the real ones, built from
// date-holidays as the app builds them.

const POLAND = publicHolidayCalendar('PL')
const KYRGYZSTAN = publicHolidayCalendar('KG')
const utc = (iso: string) => new Date(iso)

describe('W7: the public holidays of the workspace country', () => {
  it('W7: Poland: Easter Monday, 1 and 3 May are holidays; Good Friday is not', () => {
    expect(POLAND('2026-04-06')).toBe(true)
    expect(POLAND('2026-05-01')).toBe(true)
    expect(POLAND('2027-05-03')).toBe(true)
    expect(POLAND('2026-04-03')).toBe(false)
    expect(POLAND('2026-03-21')).toBe(false)
  })

  it('W7: Kyrgyzstan: Nooruz (21 March) is a holiday, and not in Poland', () => {
    expect(KYRGYZSTAN('2025-03-21')).toBe(true)
    expect(KYRGYZSTAN('2026-03-21')).toBe(true)
    expect(KYRGYZSTAN('2026-04-06')).toBe(false)
    expect(KYRGYZSTAN('2026-05-03')).toBe(false)
    expect(KYRGYZSTAN('2026-05-09')).toBe(true)
  })

  it('W7: Kyrgyzstan: a holiday at the weekend moves to the next working day', () => {
    // Nooruz 2027 is a Sunday: Monday 22 March is the day off.
    expect(KYRGYZSTAN('2027-03-22')).toBe(true)
    // 7 and 8 November 2026 are a Saturday and a Sunday: Monday and Tuesday are off.
    expect(KYRGYZSTAN('2026-11-09')).toBe(true)
    expect(KYRGYZSTAN('2026-11-10')).toBe(true)
    expect(KYRGYZSTAN('2026-11-11')).toBe(false)
  })

  it('W7: only public holidays count, never observances', () => {
    const others = new Holidays('PL')
      .getHolidays(2026)
      .filter((h) => h.type !== 'public')
      .map((h) => h.date.slice(0, 10))
      .filter((day) => isWorkingDay(day, NO_HOLIDAYS))
    // date-holidays lists Polish observances (e.g. Mothers' Day) on working days...
    expect(others.length).toBeGreaterThan(0)
    // ...and they stay working days.
    for (const day of others) expect(isWorkingDay(day, POLAND)).toBe(true)
  })

  it('W7: working days skip weekends and the holidays of the calendar passed', () => {
    // Thursday 2 April 2026: Friday 3, (Easter Monday 6 is off), Tuesday 7.
    expect(addWorkingDays('2026-04-02', 2, POLAND)).toBe('2026-04-07')
    expect(addWorkingDays('2026-04-02', 2, NO_HOLIDAYS)).toBe('2026-04-06')
    expect(addWorkingDays('2026-04-02', 2, ['2026-04-06'])).toBe('2026-04-07')
    expect(workingDaysEnd(utc('2026-04-02T10:00:00Z'), 2, POLAND).toISOString()).toBe(
      '2026-04-08T00:00:00.000Z',
    )
  })
})

describe('MD6, W7: mediation deadlines with the workspace calendar', () => {
  it('MD6, W7: a stage-1 mediation opened the Thursday before Easter ends 5 working days later, Easter Monday skipped', () => {
    const doc = new Y.Doc()
    // Thursday 2 April 2026: Fri 3, Tue 7, Wed 8, Thu 9, Fri 10; time is up when the 11th begins.
    mediationIn(doc, {}, utc('2026-04-02T10:00:00Z'))
    const now = utc('2026-04-10T12:00:00Z')
    expect(readMediation(doc, now, POLAND).timeLeft).toEqual({
      deadline: '2026-04-11T00:00:00.000Z',
      msLeft: 12 * 3_600_000,
      breached: false,
    })
    // Without the calendar Easter Monday counted and the stage would be breached already.
    expect(readMediation(doc, now).timeLeft).toMatchObject({
      deadline: '2026-04-10T00:00:00.000Z',
      breached: true,
    })
  })

  it('MD6, W7: the same opening in a Kyrgyz workspace: Easter Monday is a working day there', () => {
    const doc = new Y.Doc()
    mediationIn(doc, {}, utc('2026-04-02T10:00:00Z'))
    expect(readMediation(doc, utc('2026-04-03T00:00:00Z'), KYRGYZSTAN).timeLeft?.deadline).toBe(
      // Fri 3, Mon 6, Tue 7 (the April Revolution day) off, Wed 8, Thu 9, Fri 10.
      '2026-04-11T00:00:00.000Z',
    )
    const doc2 = new Y.Doc()
    // Wednesday 15 April 2026: Thu 16, Fri 17, Mon 20, Tue 21, Wed 22 in both countries.
    mediationIn(doc2, {}, utc('2026-04-15T10:00:00Z'))
    const when = utc('2026-04-16T00:00:00Z')
    expect(readMediation(doc2, when, KYRGYZSTAN).timeLeft?.deadline).toBe(
      '2026-04-23T00:00:00.000Z',
    )
  })

  it('MD6, W7: a Kyrgyz stage deadline across Nooruz (Friday 21 March 2025)', () => {
    const doc = new Y.Doc()
    // Wednesday 19 March 2025: Thu 20, (Nooruz), Mon 24, Tue 25, Wed 26, Thu 27.
    mediationIn(doc, {}, utc('2025-03-19T06:00:00Z'))
    const now = utc('2025-03-27T18:00:00Z')
    expect(readMediation(doc, now, KYRGYZSTAN).timeLeft).toMatchObject({
      deadline: '2025-03-28T00:00:00.000Z',
      breached: false,
    })
    expect(readMediation(doc, now, POLAND).timeLeft).toMatchObject({
      deadline: '2025-03-27T00:00:00.000Z',
      breached: true,
    })
  })

  it('MD6, W7: an urgent matter keeps 24 clock hours, holidays included', () => {
    const doc = new Y.Doc()
    // Sunday 5 April 2026, noon: the 24 hours run through Easter Monday.
    mediationIn(doc, { urgency: 'urgent' }, utc('2026-04-05T12:00:00Z'))
    expect(readMediation(doc, utc('2026-04-05T13:00:00Z'), POLAND).timeLeft).toEqual({
      deadline: '2026-04-06T12:00:00.000Z',
      msLeft: 23 * 3_600_000,
      breached: false,
    })
  })

  it('MD6, W7: stage 4 (14 working days) from 28 April 2027 skips 3 May', () => {
    const doc = new Y.Doc()
    mediationIn(doc, {}, utc('2027-04-20T08:00:00Z'))
    moveStage(doc, { to: 4, reason: 'Board' }, anna, { now: utc('2027-04-28T09:00:00Z') })
    // Wed 28 April 2027: 29, 30, (1–2 May weekend, 3 May off), 4–7, 10–14, 17, 18, 19 May.
    expect(readMediation(doc, utc('2027-04-28T10:00:00Z'), POLAND).timeLeft?.deadline).toBe(
      '2027-05-20T00:00:00.000Z',
    )
  })

  it('MD15, MD16, W7: the console shows the holiday-aware deadline written into the summary', () => {
    const doc = new Y.Doc()
    mediationIn(doc, {}, utc('2026-04-02T10:00:00Z'))
    const now = utc('2026-04-10T12:00:00Z')
    // What the app writes into the workspace when it opens the log, and what the console reads.
    const digest = parseMediationDigest(mediationSummary(readMediation(doc, now, POLAND)))
    expect(digest?.deadline).toBe('2026-04-11T00:00:00.000Z')
    const board = supervisorConsole([{ id: 'med-1', digest: digest!, learningPoints: [] }], now)
    expect(board.open[0]?.rows[0]).toMatchObject({ msLeft: 12 * 3_600_000, breached: false })
    const plain = supervisorConsole([consoleItem(readMediation(doc, now))], now)
    expect(plain.open[0]?.rows[0]?.breached).toBe(true)
  })
})

describe('RF30: respond-by from the agreed response time', () => {
  const agreed = (within: number, unit: ResponseTime['unit']): ResponseTime => ({
    agencyId: 'ngo',
    urgency: 'routine',
    within,
    unit,
    agreedBy: 'coordinator',
    agreedAt: '2026-01-10T10:00:00.000Z',
  })

  it('RF30, W7: 2 working days from Thursday 30 April 2026 skip 1 May (Friday): Tuesday 5 May', () => {
    const now = utc('2026-04-30T09:00:00Z')
    expect(respondByFrom(agreed(2, 'working-days'), now, POLAND)).toBe('2026-05-05')
    expect(respondByFrom(agreed(2, 'working-days'), now, NO_HOLIDAYS)).toBe('2026-05-04')
  })

  it('RF30, W7: 3 working days from Thursday 29 April 2027 skip 1–3 May: Wednesday 5 May', () => {
    const now = utc('2027-04-29T15:00:00Z')
    expect(respondByFrom(agreed(3, 'working-days'), now, POLAND)).toBe('2027-05-05')
    // Kyrgyzstan: 1 May (a Saturday) moves to Monday 3 May, and 5 May is Constitution Day.
    expect(respondByFrom(agreed(3, 'working-days'), now, KYRGYZSTAN)).toBe('2027-05-06')
  })

  it('RF30: a response time in hours is clock hours: the UTC day they end on', () => {
    const now = utc('2026-04-30T20:00:00Z')
    expect(respondByFrom(agreed(24, 'hours'), now, POLAND)).toBe('2026-05-01')
    expect(respondByFrom(agreed(2, 'hours'), now, POLAND)).toBe('2026-04-30')
  })

  it('RF30: the agreed time is the receiving agency’s for the referral’s urgency', () => {
    const times = [
      agreed(5, 'working-days'),
      { ...agreed(4, 'hours'), urgency: 'urgent' as const },
      { ...agreed(2, 'working-days'), agencyId: 'police' },
    ]
    expect(agreedResponseTime(times, 'ngo', 'routine')?.within).toBe(5)
    expect(agreedResponseTime(times, 'ngo', 'urgent')?.unit).toBe('hours')
    expect(agreedResponseTime(times, 'police', 'routine')?.within).toBe(2)
    expect(agreedResponseTime(times, 'school', 'routine')).toBeUndefined()
  })
})
