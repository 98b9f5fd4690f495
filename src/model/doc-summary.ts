import type * as Y from 'yjs'
import { canonicalJson, isJson, type Json } from './json.ts'
import { ModelError } from './errors.ts'
import { isRecord } from './validate.ts'

// A small, non-personal digest of each document (its status, the agencies involved, its
// deadlines) kept in the workspace document, so that inboxes and counts work without opening
// every document. It is a cache of what the document says: whoever opens a document refreshes
// its summary, so a summary lost to a concurrent write is repaired at the next opening. Kept in
// its own top-level map, apart from the index entry, so the two never overwrite each other.

export type DocumentSummary = { [key: string]: Json }

const summaries = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('summaries')

/** Writes the summary only if it changed, so opening a document does not churn the workspace. */
export function setSummary(doc: Y.Doc, documentId: string, summary: DocumentSummary): boolean {
  if (!isJson(summary) || !isRecord(summary)) {
    throw new ModelError('invalid-value', 'a summary is a JSON object')
  }
  const current = summaries(doc).get(documentId)
  if (
    current !== undefined &&
    isJson(current) &&
    canonicalJson(current) === canonicalJson(summary)
  ) {
    return false
  }
  summaries(doc).set(documentId, summary)
  return true
}

export function getSummary(doc: Y.Doc, documentId: string): DocumentSummary | undefined {
  const raw = summaries(doc).get(documentId)
  return isRecord(raw) && isJson(raw) ? (structuredClone(raw) as DocumentSummary) : undefined
}

export function listSummaries(doc: Y.Doc): Map<string, DocumentSummary> {
  const out = new Map<string, DocumentSummary>()
  for (const [id, raw] of summaries(doc)) {
    if (isRecord(raw) && isJson(raw)) out.set(id, structuredClone(raw) as DocumentSummary)
  }
  return out
}
