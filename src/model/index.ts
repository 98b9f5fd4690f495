// The public API of the domain layer; src/sync and src/ui import from here only.

export * from './types.ts'
export { ModelError } from './errors.ts'
export type { ModelErrorCode } from './errors.ts'
export { canonicalJson, isJson } from './json.ts'
export type { Json } from './json.ts'
export { randomId } from './ids.ts'
export { matchesQuery, normalizeForSearch } from './search.ts'
export {
  getAgency,
  getMember,
  listAgencies,
  listMembers,
  observeWorkspace,
  removeAgency,
  removeMember,
  upsertAgency,
  upsertMember,
} from './workspace.ts'
export type { WorkspacePart } from './workspace.ts'
export {
  TITLE_MAX_LENGTH,
  addEntry,
  filterEntries,
  getEntry,
  listEntries,
  updateEntry,
} from './doc-index.ts'
export type { IndexEntry, IndexEntryPatch, IndexFilter, NewIndexEntry } from './doc-index.ts'
export {
  assertDecision,
  heads,
  listAssertions,
  listDisputes,
  observeDecisions,
  readDecision,
  resolveDecision,
  resolveDispute,
} from './decision.ts'
export type { AssertOptions, Assertion, AssertionNote, DecisionState, Dispute } from './decision.ts'
export { applyTextChange, captureCaret, restoreCaret } from './text.ts'
export type { CaretHandle } from './text.ts'
export { DOCUMENT_SCHEMA_VERSION, ensureStructure, genesisClientId, readMeta } from './document.ts'
export type { DocumentMeta } from './document.ts'
export { ensurePlan, PLAN_TEXT_FIELDS, planText } from './plan.ts'
export type { PlanTextField } from './plan.ts'
export { TEXT_MAP, textField } from './text-field.ts'
export type { TextField } from './text-field.ts'
export { getSummary, listSummaries, setSummary } from './doc-summary.ts'
export type { DocumentSummary } from './doc-summary.ts'
