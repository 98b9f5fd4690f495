import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import type { IndexEntry } from '../../src/model/doc-index.ts'
import {
  addEntry,
  filterEntries,
  getEntry,
  listEntries,
  updateEntry,
} from '../../src/model/doc-index.ts'
import { replicas, sync } from './replicas.ts'

const anna = { memberId: 'anna', agencyId: 'mops' }
const bozena = { memberId: 'bozena', agencyId: 'ngo' }
const piotr = { memberId: 'piotr', agencyId: 'mops' }
const at = (minute: number) => ({ now: new Date(Date.UTC(2025, 0, 10, 9, minute)) })

function refusal(write: () => unknown): string | undefined {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

describe('document index', () => {
  it('I1: the creating actor and their agency own the entry, with its creation time', () => {
    const doc = new Y.Doc()
    const entry = addEntry(doc, { kind: 'referral', title: ' Skierowanie R-17 ' }, anna, {
      ...at(5),
      id: 'r17',
    })
    expect(entry).toEqual({
      id: 'r17',
      kind: 'referral',
      title: 'Skierowanie R-17',
      ownerAgencyId: 'mops',
      createdBy: 'anna',
      createdAt: '2025-01-10T09:05:00.000Z',
      sharedWith: [],
      needsActionBy: [],
    })
    expect(getEntry(doc, 'r17')).toEqual(entry)
    expect(refusal(() => addEntry(doc, { kind: 'plan', title: 'x' }, anna, { id: 'r17' }))).toBe(
      'duplicate-id',
    )
    expect(refusal(() => addEntry(doc, { kind: 'memo' as never, title: 'x' }, anna))).toBe(
      'invalid-kind',
    )
  })

  it('I1: updates change title and sharing only', () => {
    const doc = new Y.Doc()
    const entry = addEntry(doc, { kind: 'plan', title: 'Plan A' }, anna, { id: 'p1' })
    const updated = updateEntry(doc, 'p1', { title: 'Plan B', sharedWith: ['ngo'] })
    expect(updated).toEqual({ ...entry, title: 'Plan B', sharedWith: ['ngo'] })
    expect(getEntry(doc, 'p1')).toEqual(updated)
    expect(refusal(() => updateEntry(doc, 'nope', { title: 'x' }))).toBe('not-found')
  })

  it('I2: a title is 1 to 80 characters after trimming', () => {
    const doc = new Y.Doc()
    expect(refusal(() => addEntry(doc, { kind: 'plan', title: '   ' }, anna))).toBe('invalid-title')
    expect(refusal(() => addEntry(doc, { kind: 'plan', title: 'x'.repeat(81) }, anna))).toBe(
      'invalid-title',
    )
    expect(addEntry(doc, { kind: 'plan', title: 'x'.repeat(80) }, anna).title).toHaveLength(80)
  })

  it('I3: each agency is listed once in sharedWith and needsActionBy', () => {
    const doc = new Y.Doc()
    const draft = { kind: 'referral', title: 'R', sharedWith: ['ngo', 'ngo', 'police'] } as const
    const entry = addEntry(doc, { ...draft, needsActionBy: ['ngo', 'ngo'] }, anna)
    expect(entry.sharedWith).toEqual(['ngo', 'police'])
    expect(entry.needsActionBy).toEqual(['ngo'])
  })

  it('I4: filters select by creator, owner, sharing and required action', () => {
    const doc = new Y.Doc()
    addEntry(doc, { kind: 'referral', title: 'mine', needsActionBy: ['mops'] }, anna, { id: '1' })
    addEntry(doc, { kind: 'plan', title: 'colleague' }, piotr, { id: '2' })
    const shared = { kind: 'referral', title: 'shared', sharedWith: ['mops'] } as const
    addEntry(doc, { ...shared, needsActionBy: ['mops'] }, bozena, { id: '3' })
    addEntry(doc, { kind: 'mediation', title: 'not ours', sharedWith: ['police'] }, bozena, {
      id: '4',
    })
    const entries = listEntries(doc)
    const ids = (filter: Parameters<typeof filterEntries>[1]) =>
      filterEntries(entries, filter, anna)
        .map((e) => e.id)
        .sort()
    expect(ids('all')).toEqual(['1', '2', '3', '4'])
    expect(ids('mine')).toEqual(['1'])
    expect(ids('my-agency')).toEqual(['1', '2'])
    expect(ids('shared-with-my-agency')).toEqual(['3'])
    expect(ids('needs-my-action')).toEqual(['1', '3'])
  })

  it('I5: search ignores case and diacritics and needs every word, also in Cyrillic', () => {
    const doc = new Y.Doc()
    addEntry(doc, { kind: 'plan', title: 'Plan rodziny, Łódź Bałuty' }, anna, { id: 'pl' })
    addEntry(doc, { kind: 'referral', title: 'Направление, Семёнов' }, anna, { id: 'ru' })
    addEntry(doc, { kind: 'mediation', title: 'Өмүр, Нарын' }, anna, { id: 'kg' })
    const entries = listEntries(doc)
    const search = (query: string) =>
      filterEntries(entries, 'all', anna, query)
        .map((e) => e.id)
        .sort()
    expect(search('lodz')).toEqual(['pl'])
    expect(search('ŁÓDŹ baluty')).toEqual(['pl'])
    expect(search('lodz warszawa')).toEqual([])
    expect(search('семенов')).toEqual(['ru'])
    expect(search('НАПРАВЛЕНИЕ')).toEqual(['ru'])
    expect(search('омур')).toEqual(['kg'])
    expect(search('  ')).toEqual(['kg', 'pl', 'ru'])
  })

  it('I5: search combines with a filter', () => {
    const doc = new Y.Doc()
    addEntry(doc, { kind: 'plan', title: 'Plan Łódź' }, anna, { id: 'a' })
    addEntry(doc, { kind: 'plan', title: 'Plan Łódź' }, piotr, { id: 'p' })
    expect(filterEntries(listEntries(doc), 'mine', anna, 'lodz').map((e) => e.id)).toEqual(['a'])
  })

  it('I6: lists newest first, identically on every replica', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    addEntry(a, { kind: 'plan', title: 'old' }, anna, { ...at(1), id: 'x' })
    addEntry(b, { kind: 'plan', title: 'new' }, bozena, { ...at(9), id: 'y' })
    addEntry(b, { kind: 'plan', title: 'same time' }, bozena, { ...at(1), id: 'w' })
    sync(a, b)
    const order = (doc: Y.Doc) => listEntries(doc).map((e: IndexEntry) => e.id)
    expect(order(a)).toEqual(['y', 'w', 'x'])
    expect(order(b)).toEqual(order(a))
  })
})
