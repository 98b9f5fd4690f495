import { describe, expect, it } from 'vitest'
import { translateFrom } from '../../src/ui/i18n/translate.ts'
import { allCatalogs, forms } from './catalogs.ts'

// Issue 17 test 7: a woman is not described with masculine verbs ("Anna: nie potwierdził"). The
// messages shown beside a person's name say what happened without a past-tense verb or adjective
// that agrees with the person, so they read right for anyone.

const catalogs = allCatalogs()

/** Polish past tense -ł/-ła/-li and Russian -л/-ла/-ли, and hedges such as "wyraził(a)". */
const AGREEING = {
  pl: /\p{L}+(ł|ła|li|ły)(\(a\))?(?!\p{L})|\b(obecny|nieobecny|usprawiedliwiony)\b/iu,
  ru: /\p{L}+[аеиоуыя](л|ла|ли)(\(а\))?(?!\p{L})|\b(присутствовал|отсутствовал)/iu,
} as const

/** Messages that follow or precede a person's name or code. */
const BESIDE_A_PERSON = [
  'plan.ack.current',
  'plan.ack.outdated',
  'plan.ack.none',
  'plan.attendance.present',
  'plan.attendance.absent',
  'plan.attendance.excused',
  'plan.amendments.agreedBy',
  'panels.consent.givenBy',
  'panels.consent.refusedBy',
  'panels.consent.recordedBy',
]

describe('gender-neutral phrasing', () => {
  for (const l of ['pl', 'ru'] as const) {
    it(`${l}: no message beside a person's name agrees with the person's gender`, () => {
      const agreeing = BESIDE_A_PERSON.filter((k) =>
        forms(catalogs[l][k] ?? k).some((f) => AGREEING[l].test(f)),
      )
      expect(agreeing).toEqual([])
    })

    it(`${l}: no catalog string hedges a gender with "(a)"`, () => {
      const hedged = Object.entries(catalogs[l])
        .filter(([, m]) => forms(m).some((f) => /\p{L}\((a|а)\)/u.test(f)))
        .map(([k]) => k)
      expect(hedged).toEqual([])
    })
  }

  it('"Anna: …" reads right in Polish and Russian for every acknowledgement state', () => {
    const line = (l: 'pl' | 'ru', state: string) =>
      `Anna: ${translateFrom(catalogs, l, `plan.ack.${state}`)}`
    expect(['current', 'outdated', 'none'].map((s) => line('pl', s))).toEqual([
      'Anna: ta wersja potwierdzona',
      'Anna: potwierdzona wcześniejsza wersja',
      'Anna: brak potwierdzenia',
    ])
    expect(['current', 'outdated', 'none'].map((s) => line('ru', s))).toEqual([
      'Anna: эта версия подтверждена',
      'Anna: подтверждена прежняя версия',
      'Anna: подтверждения пока нет',
    ])
  })
})
