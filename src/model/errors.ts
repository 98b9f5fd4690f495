// One error class for every refused write, so the UI can translate by `code` instead of
// parsing messages (messages are English, for developers and logs).

export type ModelErrorCode =
  | 'invalid-id'
  | 'invalid-name'
  | 'invalid-agency-type'
  | 'invalid-role'
  | 'unknown-agency'
  | 'agency-has-members'
  | 'invalid-kind'
  | 'invalid-title'
  | 'not-found'
  | 'duplicate-id'
  | 'invalid-field'
  | 'invalid-value'
  | 'invalid-note'
  | 'field-disputed'
  | 'not-disputed'
  | 'rationale-required'
  | 'detached-text'
  | 'kind-mismatch'
  | 'schema-too-new'
  | 'not-a-party'
  | 'invalid-party'
  | 'wrong-side'
  | 'invalid-status'
  | 'invalid-transition'
  | 'reason-required'
  | 'not-draft'
  | 'invalid-date'
  | 'invalid-urgency'
  | 'invalid-person-code'
  | 'invalid-legal-basis'
  | 'invalid-data-category'
  | 'invalid-consent'
  | 'identity-not-allowed'
  | 'invalid-outcome'
  | 'outcome-too-early'
  | 'invalid-key'
  | 'not-mediator'
  | 'not-your-position'
  | 'invalid-stage'
  | 'invalid-category'
  | 'mediation-closed'
  | 'decision-required'
  | 'invalid-variant'
  | 'invalid-language'
  | 'invalid-period'
  | 'invalid-participant'
  | 'invalid-progress'
  | 'family-authored'
  | 'not-supervisor'
  | 'approval-required'
  | 'not-coordinator'
  | 'not-keeper'

export class ModelError extends Error {
  readonly code: ModelErrorCode

  constructor(code: ModelErrorCode, message: string) {
    super(message)
    this.name = 'ModelError'
    this.code = code
  }
}
