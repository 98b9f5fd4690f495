import type { HistoryItem } from '../../model/history-fields.ts'
import type { DecisionName, ReadableValue } from '../../model/history-values.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { history } from '../i18n/messages/history.ts'
import { mediation } from '../i18n/messages/mediation.ts'
import { plan } from '../i18n/messages/plan.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'
import { referral } from '../i18n/messages/referral.ts'
import { PLAN_TEXT_LABELS } from './plan-labels.ts'
import { localDay, useNames } from './referral-common.tsx'

registerMessages(history, referral, referralPanels, plan, mediation)

// The names a history gives what changed: the labels the document's own screens use for its
// texts, decision fields and records (history-fields.ts says which is which), and values in
// words: codes by their list's labels, dates in the reader's language, agencies by name.

const TEXT_LABELS: Record<string, MessageKey> = {
  reason: 'referral.field.reason',
  request: 'referral.field.request',
  'outcome.note': 'referral.field.outcomeNote',
  ...PLAN_TEXT_LABELS,
  position: 'mediation.positions.heading',
  minutes: 'plan.meetings.minutes',
}

const DECISION_LABELS: Record<Exclude<DecisionName, 'other'>, MessageKey> = {
  'referral.status': 'referral.statusBar.heading',
  'referral.urgency': 'referral.field.urgency',
  'referral.respondBy': 'referral.field.respondBy',
  'referral.completeBy': 'referral.field.completeBy',
  'referral.legalBasis': 'panels.basis.label',
  'referral.outcome': 'referral.outcome.code',
  'referral.sharing': 'panels.sharing.heading',
  'plan.status': 'plan.field.status',
  'plan.period': 'plan.field.period',
  'plan.problems.ranking': 'plan.problems.ranking',
  'plan.problems.selected': 'plan.problems.selection',
  'plan.approval': 'plan.approval.heading',
  'plan.problem.family': 'plan.position.label',
  'plan.goal.targetDate': 'plan.goals.target',
  'plan.goal.progress': 'plan.goals.progress',
  'plan.action.deadline': 'mediation.field.actionDeadline',
  'plan.action.responsible': 'mediation.field.actionResponsible',
  'plan.action.status': 'mediation.field.actionStatus',
  'mediation.category': 'mediation.facts.category',
  'mediation.urgency': 'mediation.facts.urgency',
  'mediation.decision': 'mediation.decision.heading',
  'mediation.outcome': 'mediation.outcome.heading',
}

const RECORD_LABELS: Record<string, MessageKey> = {
  'referral.header': 'history.record.created',
  'referral.parties': 'panels.print.parties',
  'referral.service': 'referral.field.service',
  'referral.person': 'panels.print.person',
  'referral.consents': 'panels.consent.heading',
  'referral.consentWithdrawals': 'history.record.consentWithdrawal',
  'referral.responsibilities': 'panels.duties.commitments',
  'referral.fulfilments': 'history.record.fulfilment',
  'referral.contacts': 'panels.contacts.heading',
  'referral.identity': 'panels.identity.heading',
  'referral.signOffs': 'panels.signoff.listHeading',
  'plan.header': 'history.record.created',
  'plan.variant': 'plan.field.variant',
  'plan.leadWorker': 'plan.field.leadWorker',
  'plan.languages': 'plan.field.languages',
  'plan.representative': 'plan.field.representative',
  'plan.participants': 'plan.section.participants',
  'plan.problems': 'plan.section.problems',
  'plan.goals': 'plan.goals.text',
  'plan.actions': 'plan.actions.heading',
  'plan.commitments': 'plan.section.commitments',
  'plan.contingency': 'plan.contingency.heading',
  'plan.meetings': 'plan.section.meetings',
  'plan.attendance': 'plan.meetings.attendees',
  'plan.reviews': 'plan.reviews.date',
  'plan.assessments': 'history.record.assessment',
  'plan.amendments': 'plan.amendments.heading',
  'plan.acknowledgements': 'plan.ack.heading',
  'mediation.header': 'history.record.opened',
  'mediation.parties': 'mediation.facts.parties',
  'mediation.links': 'mediation.facts.records',
  'mediation.stageMoves': 'mediation.stage.moves',
  'mediation.sessions': 'mediation.sessions.heading',
  'mediation.proposals': 'mediation.proposals.heading',
  'mediation.actions': 'mediation.actions.heading',
  'mediation.learningPoints': 'mediation.learning.heading',
}

/** Where the labels of a field's codes are: the prefix of their message keys. */
const CODE_LABELS: Record<string, string> = {
  'referral.status': 'referral.status.',
  'referral.urgency': 'referral.urgency.',
  'referral.legalBasis': 'panels.basis.',
  'referral.outcome': 'referral.outcome.',
  'referral.sharing': 'panels.category.',
  'plan.status': 'plan.status.',
  'plan.approval': 'plan.approval.',
  'plan.problem.family': 'plan.position.',
  'plan.goal.progress': 'plan.progress.',
  'plan.action.status': 'plan.actionStatus.',
  'plan.variant': 'plan.variant.',
  'plan.participants': 'plan.familyRole.',
  'plan.commitments': 'plan.commitment.',
  'plan.attendance': 'plan.attendance.',
  'mediation.category': 'mediation.category.',
  'mediation.urgency': 'mediation.urgency.',
  'mediation.outcome': 'mediation.outcome.',
}

/** What a label is for: an item of a history or of an earlier version. */
export interface Labelled {
  item: HistoryItem['item']
  name: string
  field: string
  about?: ReadableValue
}

/** Labels and values of a history in the reader's language. */
export const useHistoryLabels = () => {
  const { t, formatDate, formatDateTime } = useI18n()
  const names = useNames()

  const value = (name: string, v: ReadableValue): string => {
    switch (v.type) {
      case 'none':
        return t('referral.value.none')
      case 'text':
        return v.text
      case 'date':
        return formatDate(localDay(v.date))
      case 'time':
        return formatDateTime(v.at)
      case 'period':
        return t('history.entry.period', {
          from: formatDate(localDay(v.from)),
          to: formatDate(localDay(v.to)),
        })
      case 'code': {
        const prefix = CODE_LABELS[name]
        const label = prefix ? t(`${prefix}${v.code}` as MessageKey) : v.code
        return v.note ? t('history.value.note', { value: label, note: v.note }) : label
      }
      case 'codes':
        return v.codes.length === 0
          ? t('panels.sharing.nothing')
          : v.codes.map((code) => value(name, { type: 'code', code })).join(', ')
      case 'count':
        return t('history.value.problems', { count: v.count })
      case 'agency':
        return names.agency(v.id)
      case 'member':
        return names.member(v.id)
      case 'family':
        return t('mediation.value.family')
      case 'list':
        return v.items.map((item) => value(name, item)).join(' · ')
    }
  }

  /** A field's label; the record it is of (an action, a party) follows it in brackets. */
  const label = (of: Labelled): string => {
    const table =
      of.item === 'text' ? TEXT_LABELS : of.item === 'decision' ? DECISION_LABELS : RECORD_LABELS
    const key = (table as Record<string, MessageKey | undefined>)[of.name]
    const field = key
      ? t(key)
      : of.item === 'decision'
        ? t('history.field.other', { field: of.field })
        : of.name
    return of.about ? t('history.field.about', { field, about: value(of.name, of.about) }) : field
  }

  return { label, value }
}
