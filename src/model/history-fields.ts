import { parseAssertion, resolveDecision } from './decision.ts'
import type { Assertion } from './decision.ts'
import { WITHHELD_MAPS } from './history-diff.ts'
import type { DocumentContent, FieldChange, FieldValue, TextPart } from './history-diff.ts'
import { decisionName, decisionValue, recordReadable } from './history-values.ts'
import type { DecisionName, DecisionSubject, ReadableValue } from './history-values.ts'
import type { Json } from './json.ts'
import { MEDIATION_MAPS, positionKey } from './mediation-store.ts'
import { compareCodeUnits } from './order.ts'
import { PLAN_MAPS } from './plan-store.ts'
import { ALL_PLAN_TEXT_FIELDS } from './plan.ts'
import { MAPS as REFERRAL_MAPS } from './referral-store.ts'
import { REFERRAL_TEXT_FIELDS } from './referral-vocab.ts'
import { TEXT_MAP } from './text-field.ts'
import type { DocumentKind } from './types.ts'
import { isRecord } from './validate.ts'

// A history's changes and earlier states in the document kind's own terms (H4): a text field by
// its name, a decision by its field and new value, a record by the list it belongs to, so that
// a screen can name each with the labels the document's own screen uses.

type Change = FieldChange['change']

/**
 * One thing a history entry changed. `name` is what a screen labels: a text field's key (a
 * party's position is 'position', a meeting's minutes 'minutes'), a decision field's kind, or a
 * record's list as `<kind>.<map>` (`<kind>.<key>` in the kind's own map of fixed keys); a map
 * this version does not know keeps its own name. `field` is the document's own name for it.
 */
export type HistoryItem =
  | {
      item: 'text'
      name: string
      field: string
      change: Change
      parts: TextPart[]
      about?: ReadableValue
    }
  | {
      item: 'decision'
      name: DecisionName
      field: string
      change: Change
      value: ReadableValue
      /** Why a dispute was settled so (the resolution's rationale). */
      rationale?: string
      about?: ReadableValue
    }
  | {
      item: 'record'
      name: string
      field: string
      change: Change
      before?: ReadableValue
      after?: ReadableValue
    }
  | { item: 'withheld'; name: string; field: string; change: Change }

/** One field of a document as it was. */
export type SnapshotItem =
  | { item: 'text'; name: string; field: string; text: string; about?: ReadableValue }
  | {
      item: 'decision'
      name: DecisionName
      field: string
      /** The value, or each disputed candidate's. */
      values: ReadableValue[]
      disputed: boolean
      about?: ReadableValue
    }
  | { item: 'record'; name: string; field: string; value: ReadableValue }

const KIND_MAP: Record<DocumentKind, string> = {
  referral: REFERRAL_MAPS.referral,
  plan: PLAN_MAPS.plan,
  mediation: MEDIATION_MAPS.mediation,
}
const KNOWN_MAPS: Record<DocumentKind, readonly string[]> = {
  referral: Object.values(REFERRAL_MAPS),
  plan: Object.values(PLAN_MAPS),
  mediation: Object.values(MEDIATION_MAPS),
}
const ASSERTIONS = 'assertions'
const POSITION = positionKey('')
const TEXT_ORDER: readonly string[] = [...REFERRAL_TEXT_FIELDS, ...ALL_PLAN_TEXT_FIELDS]

/** The envelope (document.ts): its kind and schema version, nothing a person wrote. */
const ENVELOPE = 'meta'

/** The kind of document a content is: its envelope's, else by the map only that kind has. */
const kindOf = (content: DocumentContent): DocumentKind | undefined => {
  const kinds = Object.keys(KIND_MAP) as DocumentKind[]
  const said = jsonOf(content[ENVELOPE]?.kind)
  return kinds.find((k) => k === said) ?? kinds.find((k) => content[KIND_MAP[k]] !== undefined)
}

/** Maps a history leaves out: withheld ones (H3), which it only says changed, and the envelope. */
const hidden = (map: string) => map === ENVELOPE || WITHHELD_MAPS.has(map)

const jsonOf = (v: FieldValue | undefined): Json | undefined =>
  v === undefined ? undefined : v.kind === 'text' ? v.text : v.value

/** A property of a record in the content, as text (an action's `what`, a goal's `text`). */
const property = (content: DocumentContent, map: string, id: string, key: string) => {
  const record = jsonOf(content[map]?.[id])
  const value = isRecord(record) ? record[key] : undefined
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

const SUBJECT_TEXT: Record<Exclude<DecisionSubject['map'], 'agency'>, string> = {
  actions: 'what',
  goals: 'text',
  problems: 'text',
}

/** The action, goal or problem a decision field is of, named by its words; or the agency. */
function subjectOf(content: DocumentContent, subject: DecisionSubject | undefined) {
  if (subject === undefined) return undefined
  if (subject.map === 'agency') return { type: 'agency', id: subject.id } as const
  const text = property(content, PLAN_MAPS[subject.map], subject.id, SUBJECT_TEXT[subject.map])
  return text === undefined ? undefined : ({ type: 'text', text } as const)
}

/** A text field's name, and whose it is: a party's position names the party's agency. */
function textName(content: DocumentContent, map: string, key: string) {
  if (map === PLAN_MAPS.minutes) {
    const start = property(content, PLAN_MAPS.meetings, key, 'start')
    return { name: 'minutes', ...(start && { about: { type: 'time', at: start } as const }) }
  }
  if (map === TEXT_MAP && key.startsWith(POSITION)) {
    const agency = property(content, MEDIATION_MAPS.parties, key.slice(POSITION.length), 'agencyId')
    return { name: 'position', ...(agency && { about: { type: 'agency', id: agency } as const }) }
  }
  return { name: key }
}

function recordName(kind: DocumentKind | undefined, map: string, key: string): string {
  if (kind === undefined || !KNOWN_MAPS[kind].includes(map)) return map
  return map === KIND_MAP[kind] ? `${kind}.${key}` : `${kind}.${map}`
}

/**
 * A record's value to show: a document's opening says nothing beyond the entry itself, and the
 * family's representative is named by the participant's code.
 */
function recordValue(
  content: DocumentContent,
  name: string,
  v: FieldValue | undefined,
): ReadableValue | undefined {
  const json = jsonOf(v)
  if (json === undefined) return undefined
  if (name.endsWith('.header')) return { type: 'none' }
  if (name === 'plan.leadWorker' && typeof json === 'string') return { type: 'member', id: json }
  if (name === 'plan.representative' && typeof json === 'string') {
    const code = property(content, PLAN_MAPS.participants, json, 'code')
    return code === undefined ? { type: 'none' } : { type: 'text', text: code }
  }
  return recordReadable(name, json)
}

const assertionOf = (key: string, v: FieldValue | undefined): Assertion | undefined =>
  v?.kind === 'value' ? parseAssertion(v.value, key) : undefined

/**
 * H4: what one history entry changed, item by item. `context` is a later state of the document
 * (the latest one), from which actions, goals, problems and parties are named.
 */
export function historyItems(
  changes: readonly FieldChange[],
  context: DocumentContent,
): HistoryItem[] {
  const kind = kindOf(context)
  // A text created empty (a document's genesis lays out its fields) is no change to show.
  const shown = changes.filter(
    (c) => c.map !== ENVELOPE && !(c.text && c.text.every((p) => p.text === '')),
  )
  return shown.map((c): HistoryItem => {
    const field = `${c.map}.${c.key}`
    const { change } = c
    if (c.withheld) return { item: 'withheld', name: recordName(kind, c.map, ''), field, change }
    if (c.text)
      return { item: 'text', field, change, parts: c.text, ...textName(context, c.map, c.key) }
    const assertion = c.map === ASSERTIONS ? assertionOf(c.key, c.after ?? c.before) : undefined
    if (assertion) {
      const { name, subject } = decisionName(assertion.field)
      const about = subjectOf(context, subject)
      const rationale = assertion.note?.rationale
      return {
        item: 'decision',
        name,
        field: assertion.field,
        change,
        value: decisionValue(name, assertion.value),
        ...(rationale !== undefined && { rationale }),
        ...(about && { about }),
      }
    }
    const name = recordName(kind, c.map, c.key)
    const before = recordValue(context, name, c.before)
    const after = recordValue(context, name, c.after)
    return {
      item: 'record',
      name,
      field,
      change,
      ...(before && { before }),
      ...(after && { after }),
    }
  })
}

const textRank = (key: string) => {
  const i = TEXT_ORDER.indexOf(key)
  return i === -1 ? TEXT_ORDER.length : i
}

/**
 * H4: a document as it was, in the order of its screen: texts, then each decision field's value
 * (every candidate while disputed), then records list by list. Withheld maps are left out (H3)
 * and reported, so that a screen can say that they were.
 */
export function snapshotItems(content: DocumentContent): {
  items: SnapshotItem[]
  withheld: boolean
} {
  const kind = kindOf(content)
  const texts: [number, SnapshotItem][] = []
  const records: SnapshotItem[] = []
  const byField = new Map<string, Assertion[]>()
  for (const map of Object.keys(content).sort(compareCodeUnits)) {
    if (hidden(map)) continue
    const values = content[map] ?? {}
    for (const key of Object.keys(values).sort(compareCodeUnits)) {
      const v = values[key]!
      const field = `${map}.${key}`
      const assertion = map === ASSERTIONS ? assertionOf(key, v) : undefined
      if (assertion) {
        byField.set(assertion.field, [...(byField.get(assertion.field) ?? []), assertion])
      } else if (v.kind === 'text') {
        if (v.text === '') continue
        const rank = map === TEXT_MAP ? textRank(key) : TEXT_ORDER.length
        texts.push([rank, { item: 'text', field, text: v.text, ...textName(content, map, key) }])
      } else {
        const name = recordName(kind, map, key)
        const value = recordValue(content, name, v)
        if (value && value.type !== 'none') records.push({ item: 'record', name, field, value })
      }
    }
  }
  texts.sort(([a], [b]) => a - b)
  const decisions = [...byField]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .flatMap(([field, assertions]): SnapshotItem[] => {
      const state = resolveDecision(assertions)
      if (state.state === 'empty') return []
      const { name, subject } = decisionName(field)
      const about = subjectOf(content, subject)
      const values =
        state.state === 'settled' ? [state.value] : state.candidates.map((a) => a.value)
      return [
        {
          item: 'decision',
          name,
          field,
          values: values.map((v) => decisionValue(name, v)),
          disputed: state.state === 'disputed',
          ...(about && { about }),
        },
      ]
    })
  const withheld = Object.keys(content).some((m) => WITHHELD_MAPS.has(m))
  return { items: [...texts.map(([, t]) => t), ...decisions, ...records], withheld }
}
