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
  getWorkspaceCountry,
  isWorkspaceCountry,
  listAgencies,
  listMembers,
  observeWorkspace,
  removeAgency,
  removeMember,
  setWorkspaceCountry,
  upsertAgency,
  upsertMember,
  WORKSPACE_COUNTRIES,
} from './workspace.ts'
export type { WorkspaceCountry, WorkspacePart } from './workspace.ts'
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
export {
  canTransition,
  isReferralStatus,
  isTerminal,
  nextStatuses,
  REASON_REQUIRED,
  reasonRequired,
  REFERRAL_STATUSES,
  STATUS_SETTER,
  TRANSITIONS,
  transitionProblem,
} from './referral-status.ts'
export type { ReferralStatus, Side, StatusValue } from './referral-status.ts'
export {
  DATA_CATEGORIES,
  LEGAL_BASES,
  OUTCOME_CODES,
  PERSON_KINDS,
  REFERRAL_FIELDS,
  REFERRAL_TEXT_FIELDS,
  SHARE_IDENTITY,
  sharingField,
  URGENCIES,
} from './referral-vocab.ts'
export type {
  Attribution,
  Consent,
  ConsentRecord,
  ConsentWithdrawal,
  ContactPoint,
  DataCategory,
  FieldState,
  IdentifyingDetails,
  LegalBasis,
  LegalBasisCode,
  OutcomeCode,
  Parties,
  PersonKind,
  PersonRef,
  ReferralTextField,
  Responsibility,
  ResponsibilityRecord,
  Service,
  SignOff,
  Urgency,
} from './referral-vocab.ts'
export {
  createReferral,
  ensureReferral,
  isDraft,
  referralText,
  setTerms,
  updateReferral,
} from './referral.ts'
export type { NewReferral, ReferralPatch, Terms } from './referral.ts'
export { resolveReferralDispute, setStatus, statusHistory } from './referral-workflow.ts'
export type { ReferralDecisionField, StatusChange } from './referral-workflow.ts'
export { loopClosed, recordOutcome } from './referral-outcome.ts'
export {
  consentState,
  recordConsent,
  setDataSharing,
  setLegalBasis,
  withdrawConsent,
} from './referral-consent.ts'
export type { ConsentState, NewConsent } from './referral-consent.ts'
export {
  clearIdentifyingDetails,
  identifyingDetailsFor,
  mayHoldIdentifyingDetails,
  setIdentifyingDetails,
} from './referral-identity.ts'
export type { IdentityView } from './referral-identity.ts'
export {
  addContactPoint,
  addResponsibility,
  fulfilResponsibility,
  removeContactPoint,
  removeResponsibility,
  updateResponsibility,
} from './referral-commitments.ts'
export type { NewResponsibility } from './referral-commitments.ts'
export { canonicalContent, contentHash, signOff, verifySignOffs } from './referral-signoff.ts'
export type { SignOffResult } from './referral-signoff.ts'
export { hasReferral, observeReferral, readReferral } from './referral-read.ts'
export type { Referral } from './referral-read.ts'
export { actionsFor, inbox, isOverdue } from './referral-inbox.ts'
export type { ActionReason, Inbox, ReferralSummary } from './referral-inbox.ts'
export { FHIR_SYSTEMS, SERVICE_REQUEST_STATUS, toFhir, toFhirResources } from './referral-fhir.ts'
export type { FhirOptions, FhirReferral } from './referral-fhir.ts'
export {
  MEDIATION_CATEGORIES,
  MEDIATION_FIELDS,
  MEDIATION_LINK_KINDS,
  MEDIATION_OUTCOMES,
  MEDIATION_STAGES,
  MEDIATION_URGENCIES,
} from './mediation-vocab.ts'
export type {
  LearningPoint,
  MediationAction,
  MediationCategory,
  MediationDecision,
  MediationLink,
  MediationLinkKind,
  MediationOutcome,
  MediationOutcomeValue,
  MediationParticipant,
  MediationParty,
  MediationPartyRecord,
  MediationProposal,
  MediationSession,
  MediationStage,
  MediationUrgency,
  StageMove,
} from './mediation-vocab.ts'
export { STAGE_WORKING_DAYS, stageDeadline, URGENT_HOURS } from './mediation-calendar.ts'
export {
  addWorkingDays,
  eitherCalendar,
  holidayCalendar,
  isWorkingDay,
  NO_HOLIDAYS,
  utcDay,
  workingDaysEnd,
} from './working-days.ts'
export type { HolidayCalendar, Holidays } from './working-days.ts'
export { createMediation, ensureMediation, openMediation, setMediationTerms } from './mediation.ts'
export type { DisputeToMediate, NewMediation } from './mediation.ts'
export { addMediationLink, addMediationParty, positionText } from './mediation-parties.ts'
export { moveStage, readStageMoves } from './mediation-stage.ts'
export {
  addLearningPoint,
  addMediationAction,
  addProposal,
  recordSession,
} from './mediation-records.ts'
export {
  applyDecision,
  applyRecordedDecision,
  decisionApplied,
  recordDecision,
  recordMediationOutcome,
  settledDecision,
} from './mediation-decision.ts'
export {
  hasMediation,
  mediationGrants,
  observeMediation,
  readMediation,
  timeLeft,
} from './mediation-read.ts'
export type { Mediation, MediationGrant, TimeLeft } from './mediation-read.ts'
export {
  consoleItem,
  consoleItemsFromSummaries,
  MEDIATION_SUMMARY_VERSION,
  mediationDigest,
  mediationSummary,
  parseMediationDigest,
  supervisorConsole,
} from './mediation-summary.ts'
export type {
  ConsoleItem,
  ConsoleRow,
  MediationDigest,
  SupervisorConsole,
} from './mediation-summary.ts'
export { codedValue, disputesDigest, summaryDisputes, withDisputes } from './dispute-digest.ts'
export type { DisputeCandidateDigest, DisputeDigest } from './dispute-digest.ts'
export {
  categoryOfField,
  disputesNotInMediation,
  linkKindOf,
  mediationsOfField,
} from './mediation-disputes.ts'
export type { DisputeOnConsole } from './mediation-disputes.ts'
export { ALL_PLAN_TEXT_FIELDS, extensionClientId, FAMILY_TEXT_FIELDS, planTextAs } from './plan.ts'
export type { AnyPlanTextField } from './plan.ts'
export {
  ACTION_STATUSES,
  actionField,
  APPROVAL_STATES,
  ATTENDANCE,
  COMMITMENT_TYPES,
  FAMILY_POSITIONS,
  FAMILY_ROLES,
  familyPositionField,
  GOAL_PROGRESS,
  goalField,
  PLAN_FIELDS,
  PLAN_LANGUAGES,
  PLAN_REASON_REQUIRED,
  PLAN_STATUSES,
  PLAN_TRANSITIONS,
  PLAN_VARIANTS,
} from './plan-vocab.ts'
export type {
  AcknowledgementRecord,
  ActionRecord,
  ActionStatus,
  ActionStatusValue,
  AmendmentRecord,
  ApprovalState,
  ApprovalValue,
  AssessmentRecord,
  Attendance,
  AttendanceRecord,
  CommitmentRecord,
  CommitmentType,
  ContingencyRecord,
  FamilyPosition,
  FamilyPositionCode,
  FamilyRole,
  GoalProgress,
  GoalRecord,
  MeetingRecord,
  Participant as PlanParticipant,
  PartyRef as PlanPartyRef,
  Period as PlanPeriod,
  PlanSide,
  PlanStatus,
  PlanStatusValue,
  PlanVariant,
  ProblemRecord,
  ReviewRecord,
} from './plan-vocab.ts'
export {
  canPlanTransition,
  createPlan,
  resolvePlanDispute,
  setPlanDetails,
  setPlanPeriod,
  setPlanStatus,
} from './plan-details.ts'
export type { NewPlan, PlanDetailsPatch } from './plan-details.ts'
export { addParticipant, removeParticipant, updateParticipant } from './plan-participants.ts'
export type { NewParticipant } from './plan-participants.ts'
export {
  addProblem,
  familyDisagrees,
  rankedProblems,
  rankProblems,
  removeProblem,
  selectProblems,
  setFamilyPosition,
  updateProblem,
} from './plan-problems.ts'
export type { PlanProblem } from './plan-problems.ts'
export { addGoal, setGoalProgress, setGoalTarget, updateGoal } from './plan-goals.ts'
export type { NewGoal } from './plan-goals.ts'
export {
  addAction,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
  updateAction,
} from './plan-actions.ts'
export type { ActionPatch, NewAction } from './plan-actions.ts'
export {
  addCommitment,
  addContingency,
  removePlanEntry,
  updateCommitment,
  updateContingency,
} from './plan-commitments.ts'
export type { NewCommitment, NewContingency } from './plan-commitments.ts'
export {
  addMeeting,
  DEFAULT_MEETING_MINUTES,
  meetingMinutes,
  recordAttendance,
  updateMeeting,
} from './plan-meetings.ts'
export type { NewMeeting } from './plan-meetings.ts'
export { recordAmendment, recordAssessment, scheduleReview } from './plan-reviews.ts'
export type { NewAssessment } from './plan-reviews.ts'
export { planCanonicalContent, planContentHash } from './plan-content.ts'
export {
  acknowledgementStates,
  acknowledgePlan,
  approvalHistory,
  approvePlan,
  requestApproval,
  returnPlan,
} from './plan-approval.ts'
export type { AcknowledgementState, ApprovalStep, RoleActor } from './plan-approval.ts'
export { hasPlan, observePlan, readPlan } from './plan-read.ts'
export type { Plan, PlanAction, PlanGoal, PlanMeeting, PlanReview } from './plan-read.ts'
export {
  actionIsOpen,
  deadlineInForce,
  isActionOverdue,
  myActions,
  planEnded,
} from './plan-overdue.ts'
export type { ActionOwner, MyAction, PlanForActions } from './plan-overdue.ts'
export { planCalendar } from './plan-ical.ts'
export type { CalendarOptions, PlanForCalendar } from './plan-ical.ts'
export {
  FREQUENCIES,
  LOCATION_TYPES,
  ORGANIZATION_KINDS,
  RESPONSE_UNITS,
  SERVICE_STATUSES,
  WEEKDAYS,
} from './directory-vocab.ts'
export type {
  Address,
  Contact as DirContact,
  DirectoryRecords,
  DirLocation,
  DirOrganization,
  DirService,
  DirServiceAtLocation,
  Frequency,
  Language as DirLanguage,
  LocationType,
  OrganizationKind,
  Phone as DirPhone,
  ResponseTime,
  ResponseUnit,
  Schedule as DirSchedule,
  ServiceStatus,
  Weekday,
} from './directory-vocab.ts'
export {
  newDirectoryId,
  removeLocation,
  removeOrganization,
  removeResponseTime,
  removeService,
  saveLocation,
  saveOrganization,
  saveService,
  saveServiceAtLocation,
  setResponseTime,
  setServiceLocations,
} from './directory.ts'
export type { DirectoryInput, NewResponseTime } from './directory.ts'
export {
  getOrganization,
  handout,
  listResponseTimes,
  mayAgreeResponseTimes,
  mayEditOrganization,
  observeDirectory,
  readDirectory,
  servicesOf,
  servicesOfAgency,
} from './directory-read.ts'
export type { Handout, HandoutMeeting } from './directory-read.ts'
export { openingHours, parseByday, weeklySchedule } from './directory-hours.ts'
export type { OpeningSlot, ScheduleDay } from './directory-hours.ts'
export { importHsds, parseHsds } from './hsds-import.ts'
export type { HsdsImport, ImportResult } from './hsds-import.ts'
export { exportHsds, toHsdsOrganizations } from './hsds-export.ts'
export type { HsdsProblem, HsdsProblemCode } from './hsds-schema.ts'
