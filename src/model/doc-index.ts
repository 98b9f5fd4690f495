import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { compareCodeUnits } from './order.ts'
import { matchesQuery } from './search.ts'
import { DOCUMENT_KINDS } from './types.ts'
import type { Actor, DocumentKind } from './types.ts'
import { isIsoInstant, isRecord, isStringArray, requireOneOf, requireText } from './validate.ts'

// The workspace's list of documents, so a worker can find a document before opening it.
// Like agencies, each entry is a plain JSON value under its id in the top-level map 'index'.
// The index is a signpost, not the record: who must act is decided in the document itself.

export interface IndexEntry {
  id: string
  kind: DocumentKind
  /** A short label that names no person: the index is visible to the whole partnership. */
  title: string
  ownerAgencyId: string
  /** Member id of the creator. */
  createdBy: string
  createdAt: string
  sharedWith: string[]
  needsActionBy: string[]
}

export interface NewIndexEntry {
  kind: DocumentKind
  title: string
  sharedWith?: readonly string[]
  needsActionBy?: readonly string[]
}

export type IndexEntryPatch = Partial<Pick<IndexEntry, 'title' | 'sharedWith' | 'needsActionBy'>>

export const TITLE_MAX_LENGTH = 80

const index = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('index')

/** The actor's agency owns the new document and the actor is its creator. */
export function addEntry(
  doc: Y.Doc,
  draft: NewIndexEntry,
  actor: Actor,
  opts: { now?: Date; id?: string } = {},
): IndexEntry {
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'entry id')
  if (index(doc).has(id)) throw new ModelError('duplicate-id', `index entry ${id} exists`)
  const entry: IndexEntry = {
    id,
    kind: requireOneOf(draft.kind, DOCUMENT_KINDS, 'invalid-kind', 'document kind'),
    title: requireTitle(draft.title),
    ownerAgencyId: requireText(actor.agencyId, 'invalid-id', 'owner agency id'),
    createdBy: requireText(actor.memberId, 'invalid-id', 'creator member id'),
    createdAt: (opts.now ?? new Date()).toISOString(),
    sharedWith: agencyIds(draft.sharedWith ?? []),
    needsActionBy: agencyIds(draft.needsActionBy ?? []),
  }
  index(doc).set(entry.id, entry)
  return structuredClone(entry)
}

/** Replaces the given fields; id, kind, owner, creator and creation time never change. */
export function updateEntry(doc: Y.Doc, id: string, patch: IndexEntryPatch): IndexEntry {
  const current = getEntry(doc, id)
  if (current === undefined) throw new ModelError('not-found', `index entry ${id} does not exist`)
  const entry: IndexEntry = {
    ...current,
    title: patch.title === undefined ? current.title : requireTitle(patch.title),
    sharedWith: patch.sharedWith === undefined ? current.sharedWith : agencyIds(patch.sharedWith),
    needsActionBy:
      patch.needsActionBy === undefined ? current.needsActionBy : agencyIds(patch.needsActionBy),
  }
  index(doc).set(id, entry)
  return structuredClone(entry)
}

export function getEntry(doc: Y.Doc, id: string): IndexEntry | undefined {
  return parseEntry(index(doc).get(id))
}

/** Newest first; ties broken by id so every replica shows the same order. */
export function listEntries(doc: Y.Doc): IndexEntry[] {
  return [...index(doc).values()]
    .map(parseEntry)
    .filter((e): e is IndexEntry => e !== undefined)
    .sort((a, b) => compareCodeUnits(b.createdAt, a.createdAt) || compareCodeUnits(a.id, b.id))
}

export type IndexFilter = 'all' | 'mine' | 'my-agency' | 'shared-with-my-agency' | 'needs-my-action'

export function filterEntries(
  entries: readonly IndexEntry[],
  filter: IndexFilter,
  me: Actor,
  query = '',
): IndexEntry[] {
  return entries.filter((e) => matchesFilter(e, filter, me) && matchesQuery(e.title, query))
}

function matchesFilter(entry: IndexEntry, filter: IndexFilter, me: Actor): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'mine':
      return entry.createdBy === me.memberId
    case 'my-agency':
      return entry.ownerAgencyId === me.agencyId
    case 'shared-with-my-agency':
      return entry.ownerAgencyId !== me.agencyId && entry.sharedWith.includes(me.agencyId)
    case 'needs-my-action':
      return entry.needsActionBy.includes(me.agencyId)
  }
}

function requireTitle(title: unknown): string {
  const text = requireText(title, 'invalid-title', 'title')
  if (text.length > TITLE_MAX_LENGTH) {
    throw new ModelError('invalid-title', `title must be at most ${TITLE_MAX_LENGTH} characters`)
  }
  return text
}

function agencyIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => requireText(id, 'invalid-id', 'agency id')))]
}

function parseEntry(raw: unknown): IndexEntry | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.title !== 'string') return
  if (!DOCUMENT_KINDS.includes(raw.kind as DocumentKind) || !isIsoInstant(raw.createdAt)) return
  if (typeof raw.ownerAgencyId !== 'string' || typeof raw.createdBy !== 'string') return
  if (!isStringArray(raw.sharedWith) || !isStringArray(raw.needsActionBy)) return
  return {
    id: raw.id,
    kind: raw.kind as DocumentKind,
    title: raw.title,
    ownerAgencyId: raw.ownerAgencyId,
    createdBy: raw.createdBy,
    createdAt: raw.createdAt,
    sharedWith: [...raw.sharedWith],
    needsActionBy: [...raw.needsActionBy],
  }
}
