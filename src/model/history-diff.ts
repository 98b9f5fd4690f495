import * as Y from 'yjs'
import type { Json } from './json.ts'
import { MAPS as REFERRAL_MAPS } from './referral-store.ts'

// What changed between two states of a document, for its history (the relay records who sent
// each change; this says what it was). Every Mosty document is a set of top-level maps whose
// values are plain JSON or Y.Text, so a change is a map key added, removed or changed, and a
// text's change is the words inserted and removed.

/** A value of a top-level map: a text field, or any other value as JSON. */
export type FieldValue = { kind: 'text'; text: string } | { kind: 'value'; value: Json }

/** Every top-level map of a document, key by key. */
export type DocumentContent = Record<string, Record<string, FieldValue>>

export interface TextPart {
  op: 'same' | 'insert' | 'delete'
  text: string
}

export interface FieldChange {
  map: string
  key: string
  change: 'added' | 'removed' | 'changed'
  /** Absent where the map is withheld (see WITHHELD_MAPS). */
  before?: FieldValue
  after?: FieldValue
  /** When the value is a text before and after: its words, inserted, removed or kept. */
  text?: TextPart[]
  withheld: boolean
}

/**
 * Maps whose values the history never shows: a referral's identifying details are shown only to
 * the two parties and only while allowed (RF12), which a past state cannot know.
 */
export const WITHHELD_MAPS: ReadonlySet<string> = new Set([REFERRAL_MAPS.identity])

/** Above this many differing words, a text's change is shown as all removed, all inserted. */
const MAX_EDIT_DISTANCE = 500

const valueOf = (v: unknown): FieldValue =>
  v instanceof Y.Text
    ? { kind: 'text', text: v.toString() }
    : { kind: 'value', value: (v instanceof Y.AbstractType ? v.toJSON() : v) as Json }

const readMap = (doc: Y.Doc, name: string): Record<string, FieldValue> => {
  const out: Record<string, FieldValue> = {}
  doc.getMap<unknown>(name).forEach((v, k) => (out[k] = valueOf(v)))
  return out
}

/** The document's content: every top-level map (Mosty documents have no other roots). */
export function readContent(doc: Y.Doc): DocumentContent {
  const out: DocumentContent = {}
  for (const name of [...doc.share.keys()].sort()) out[name] = readMap(doc, name)
  return out
}

const sameValue = (a: FieldValue, b: FieldValue): boolean =>
  a.kind === 'text' && b.kind === 'text'
    ? a.text === b.text
    : JSON.stringify(a) === JSON.stringify(b)

const diffMap = (
  map: string,
  before: Record<string, FieldValue>,
  after: Record<string, FieldValue>,
): FieldChange[] => {
  const withheld = WITHHELD_MAPS.has(map)
  const changes: FieldChange[] = []
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const b = before[key]
    const a = after[key]
    if (b && a && sameValue(b, a)) continue
    const change = !b ? 'added' : !a ? 'removed' : 'changed'
    if (withheld) {
      changes.push({ map, key, change, withheld })
      continue
    }
    const text =
      (b?.kind ?? 'text') === 'text' && (a?.kind ?? 'text') === 'text'
        ? diffText(b?.kind === 'text' ? b.text : '', a?.kind === 'text' ? a.text : '')
        : undefined
    changes.push({
      map,
      key,
      change,
      withheld,
      ...(b ? { before: b } : {}),
      ...(a ? { after: a } : {}),
      ...(text ? { text } : {}),
    })
  }
  return changes
}

/** What changed from one content to the other, map by map and key by key. */
export function diffContent(before: DocumentContent, after: DocumentContent): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return names.flatMap((n) => diffMap(n, before[n] ?? {}, after[n] ?? {}))
}

const tokens = (s: string): string[] => s.match(/\s+|[\p{L}\p{N}\p{M}]+|./gsu) ?? []

/**
 * The words of `after` against those of `before` (Myers' O(ND) difference), as runs of kept,
 * removed and inserted text; the common start and end are trimmed first, so an edit within a long
 * text costs little.
 */
export function diffText(before: string, after: string): TextPart[] {
  const a = tokens(before)
  const b = tokens(after)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  ) {
    end++
  }
  const parts: TextPart[] = []
  const push = (op: TextPart['op'], text: string) => {
    if (text === '') return
    const last = parts.at(-1)
    if (last?.op === op) last.text += text
    else parts.push({ op, text })
  }
  push('same', a.slice(0, start).join(''))
  for (const [op, t] of middle(a.slice(start, a.length - end), b.slice(start, b.length - end))) {
    push(op, t)
  }
  push('same', a.slice(a.length - end).join(''))
  return parts
}

type Op = [TextPart['op'], string]

function middle(a: string[], b: string[]): Op[] {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, MAX_EDIT_DISTANCE)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(trace, offset, a, b, d)
    }
  }
  return [
    ['delete', a.join('')],
    ['insert', b.join('')],
  ]
}

function backtrack(trace: Int32Array[], offset: number, a: string[], b: string[], dMax: number) {
  const ops: Op[] = []
  let x = a.length
  let y = b.length
  for (let d = dMax; d > 0; d--) {
    const v = trace[d]!
    const k = x - y
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
    const prevK = down ? k + 1 : k - 1
    const prevX = v[offset + prevK]!
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      y--
      ops.push(['same', a[--x]!])
    }
    if (down) ops.push(['insert', b[--y]!])
    else ops.push(['delete', a[--x]!])
  }
  while (x > 0) ops.push(['same', a[--x]!])
  return ops.reverse()
}

/** The names of the top-level maps a transaction touched, however deep the change. */
const touchedRoots = (doc: Y.Doc, transaction: Y.Transaction): Set<string> => {
  const roots = new Set<unknown>()
  for (const type of transaction.changed.keys()) {
    let t = type as Y.AbstractType<unknown>
    while (t._item !== null) t = t._item.parent as Y.AbstractType<unknown>
    roots.add(t)
  }
  const names = new Set<string>()
  for (const [name, type] of doc.share) if (roots.has(type)) names.add(name)
  return names
}

/**
 * Replays a history (the state before it, then each entry's update in order) and gives what each
 * entry changed. Only the maps an entry touched are read again, so a long history of small
 * changes costs little more than applying it.
 */
export function replayHistory(
  base: Uint8Array | null,
  updates: readonly Uint8Array[],
): FieldChange[][] {
  const doc = new Y.Doc()
  if (base) Y.applyUpdate(doc, base)
  const content = readContent(doc)
  let touched = new Set<string>()
  const onTransaction = (tr: Y.Transaction) => {
    for (const n of touchedRoots(doc, tr)) touched.add(n)
  }
  doc.on('afterTransaction', onTransaction)
  const steps = updates.map((update) => {
    touched = new Set()
    Y.applyUpdate(doc, update)
    return [...touched].sort().flatMap((name) => {
      const before = content[name] ?? {}
      const after = readMap(doc, name)
      content[name] = after
      return diffMap(name, before, after)
    })
  })
  doc.destroy()
  return steps
}

/** The document's content after the first `count` updates of a history. */
export function contentAt(
  base: Uint8Array | null,
  updates: readonly Uint8Array[],
  count: number,
): DocumentContent {
  const doc = new Y.Doc()
  if (base) Y.applyUpdate(doc, base)
  for (const u of updates.slice(0, count)) Y.applyUpdate(doc, u)
  const content = readContent(doc)
  doc.destroy()
  return content
}
