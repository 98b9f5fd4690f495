import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js'
import {
  type Consent,
  consentState,
  type ConsentState,
  recordConsent,
  SHARE_IDENTITY,
  withdrawConsent,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LegalBasisSection, DataSharingSection } from './referral-consent-basis.tsx'
import { IdentitySection } from './referral-consent-identity.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { InputField, SubmitActions } from './form-fields.tsx'
import {
  AddToggle,
  ByLine,
  Check,
  createAction,
  createIds,
  createNow,
  ErrorAlert,
  localDateTimeValue,
  localDay,
  RecordList,
  sideOf,
  useNames,
} from './referral-panels-shared.tsx'
import { common } from '../i18n/messages/common.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(common, referralPanels)

/** Scopes a worker can record; 'share-identity' is the one the model checks (RF12). */
export const CONSENT_SCOPES = ['service', 'share-data', SHARE_IDENTITY] as const
type Scope = (typeof CONSENT_SCOPES)[number]
export const isKnownScope = (s: string): s is Scope =>
  (CONSENT_SCOPES as readonly string[]).includes(s)

/** Who gave a consent, as a role; the person appears only as a participant code (RF8). */
export const PARTICIPANT_ROLES = [
  'self',
  'mother',
  'father',
  'guardian',
  'legal-representative',
  'family-member',
] as const
type Role = (typeof PARTICIPANT_ROLES)[number]
export const isKnownRole = (r: string): r is Role =>
  (PARTICIPANT_ROLES as readonly string[]).includes(r)

/** A known role in the reader's words; a role typed by hand as it was typed. */
export const roleText = (role: string, tr: (key: MessageKey) => string): string =>
  isKnownRole(role) ? tr(`panels.role.${role}`) : role

/** A known scope in the reader's words; any other as recorded. */
export const scopeText = (scope: string, tr: (key: MessageKey) => string): string =>
  isKnownScope(scope) ? tr(`panels.consent.scope.${scope}`) : scope

/**
 * Consent and data sharing: the person's consent to the service, and apart from it (RF9) the
 * referring agency's legal basis for sharing, the data categories each recipient receives and
 * the identifying details that basis allows (RF12).
 */
export const ReferralConsent = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const headingId = createUniqueId()
  return (
    <section class="rp-panel" aria-labelledby={headingId} data-testid="referral-consent">
      <h2 id={headingId}>{t('panels.consentPanel.heading')}</h2>
      <p class="rp-muted">{t('panels.consentPanel.intro')}</p>
      <ConsentSection {...props} />
      <LegalBasisSection {...props} />
      <DataSharingSection {...props} />
      <IdentitySection {...props} />
    </section>
  )
}

const ConsentSection = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const now = createNow()
  const headingId = createUniqueId()
  const ids = createIds(
    () => props.referral().consents,
    (c) => c.id,
  )
  const consent = (id: string) => props.referral().consents.find((c) => c.id === id)
  const isParty = () => sideOf(props.referral(), props.me.agencyId) !== undefined
  return (
    <section class="rp-box rp-box--consent" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('panels.consent.heading')}</h3>
      <p class="rp-muted">{t('panels.consent.hint')}</p>
      <RecordList
        ids={ids()}
        record={consent}
        none={<p data-testid="consent-none">{t('panels.consent.none')}</p>}
      >
        {(c) => (
          <ConsentItem
            consent={c()}
            state={consentState(c(), now())}
            canWithdraw={!props.readOnly && isParty()}
            panel={props}
          />
        )}
      </RecordList>
      <AddToggle
        when={!props.readOnly && isParty()}
        label={t('panels.consent.add')}
        testId="consent-add-toggle"
      >
        {(done) => <ConsentForm panel={props} onDone={done} />}
      </AddToggle>
    </section>
  )
}

const ConsentItem = (props: {
  consent: Consent
  state: ConsentState
  canWithdraw: boolean
  panel: ReferralPanelProps
}) => {
  const { t, formatDate, formatDateTime } = useI18n()
  const names = useNames()
  const action = createAction()
  const [withdrawing, setWithdrawing] = createSignal(false)
  const [reason, setReason] = createSignal('')
  const reasonId = createUniqueId()
  const c = () => props.consent
  const withdraw = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() =>
      withdrawConsent(props.panel.conn.doc, c().id, { reason: reason() }, props.panel.me),
    )
    if (ok) {
      setWithdrawing(false)
      setReason('')
    }
  }
  return (
    <li class="rp-record" data-testid="consent-item" data-id={c().id} data-state={props.state}>
      <p class="rp-record-head">
        <strong>
          {t(c().given ? 'panels.consent.givenBy' : 'panels.consent.refusedBy', {
            code: c().givenBy.code,
            role: roleText(c().givenBy.role, t),
          })}
        </strong>{' '}
        <span class={`rp-badge rp-badge--${props.state}`} data-testid="consent-state">
          {t(`panels.consentState.${props.state}`)}
        </span>
      </p>
      <dl class="rp-facts">
        <dt>{t('panels.consent.when')}</dt>
        <dd>
          <time datetime={c().givenAt}>{formatDateTime(c().givenAt)}</time>
        </dd>
        <dt>{t('panels.consent.scope')}</dt>
        <dd>
          {c()
            .scope.map((s) => scopeText(s, t))
            .join('; ')}
        </dd>
        <dt>{t('panels.consent.expires')}</dt>
        <dd>
          {c().expiresOn
            ? formatDate(localDay(c().expiresOn as string))
            : t('panels.consent.noExpiry')}
        </dd>
        <dt>{t('panels.consent.recordedBy')}</dt>
        <dd>
          {t('panels.by', {
            member: names.member(c().recordedBy),
            agency: names.agency(c().recordedByAgency),
          })}
        </dd>
      </dl>
      <Show when={c().withdrawal}>
        {(w) => (
          <p class="rp-withdrawal" data-testid="consent-withdrawal">
            {t('panels.consent.withdrawnBecause', { reason: w().reason })} <ByLine by={w()} />
          </p>
        )}
      </Show>
      <Show when={props.canWithdraw && c().given && !c().withdrawal}>
        <Show
          when={withdrawing()}
          fallback={
            <button
              type="button"
              class="danger"
              onClick={() => setWithdrawing(true)}
              data-testid="consent-withdraw"
            >
              {t('panels.consent.withdraw')}
            </button>
          }
        >
          <form class="rp-form rp-confirm" onSubmit={withdraw}>
            <label for={reasonId}>{t('panels.consent.withdrawReason')}</label>
            <textarea
              id={reasonId}
              required
              rows={2}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
              data-testid="consent-withdraw-reason"
            />
            <p class="field-hint">{t('panels.consent.withdrawHint')}</p>
            <div class="actions">
              <button type="submit" class="danger" data-testid="consent-withdraw-confirm">
                {t('panels.consent.withdrawConfirm')}
              </button>
              <button type="button" onClick={() => setWithdrawing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </Show>
      </Show>
      <ErrorAlert problem={action.problem()} testId="consent-error" />
    </li>
  )
}

const ConsentForm = (props: { panel: ReferralPanelProps; onDone: () => void }) => {
  const { t } = useI18n()
  const action = createAction()
  const id = createUniqueId()
  const [given, setGiven] = createSignal(true)
  const [code, setCode] = createSignal('')
  const [role, setRole] = createSignal<Role>('self')
  const [givenAt, setGivenAt] = createSignal(localDateTimeValue(new Date()))
  const [scope, setScope] = createSignal<string[]>(['service'])
  const [expiresOn, setExpiresOn] = createSignal('')
  const toggle = (s: string, on: boolean) =>
    setScope((list) => (on ? [...new Set([...list, s])] : list.filter((x) => x !== s)))
  const when = createMemo(() => {
    const d = new Date(givenAt())
    return Number.isNaN(d.getTime()) ? undefined : d
  })
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      recordConsent(
        props.panel.conn.doc,
        {
          given: given(),
          givenBy: { code: code(), role: role() },
          ...(when() && { givenAt: when() }),
          scope: scope(),
          ...(expiresOn() !== '' && { expiresOn: expiresOn() }),
        },
        props.panel.me,
      )
    })
    if (ok) props.onDone()
  }
  return (
    <form class="rp-form" onSubmit={submit} data-testid="consent-form">
      <fieldset>
        <legend>{t('panels.consent.decision')}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-given`}
            checked={given()}
            onChange={() => setGiven(true)}
            data-testid="consent-given"
          />
          {t('panels.consent.decision.given')}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-given`}
            checked={!given()}
            onChange={() => setGiven(false)}
            data-testid="consent-refused"
          />
          {t('panels.consent.decision.refused')}
        </label>
      </fieldset>
      <InputField
        id={`${id}-code`}
        label={t('panels.consent.code')}
        required
        autocomplete="off"
        hint={t('panels.consent.codeHint')}
        value={code()}
        onInput={setCode}
        testId="consent-code"
      />
      <div class="field">
        <label for={`${id}-role`}>{t('panels.consent.role')}</label>
        <select
          id={`${id}-role`}
          value={role()}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data-testid="consent-role"
        >
          <For each={PARTICIPANT_ROLES}>
            {(r) => <option value={r}>{t(`panels.role.${r}`)}</option>}
          </For>
        </select>
      </div>
      <InputField
        id={`${id}-at`}
        label={t('panels.consent.when')}
        type="datetime-local"
        required
        value={givenAt()}
        onInput={setGivenAt}
        testId="consent-at"
      />
      <fieldset>
        <legend>{t('panels.consent.scope')}</legend>
        <For each={CONSENT_SCOPES}>
          {(s) => (
            <Check
              label={t(`panels.consent.scope.${s}`)}
              checked={scope().includes(s)}
              onChange={(on) => toggle(s, on)}
              testId={`consent-scope-${s}`}
            />
          )}
        </For>
      </fieldset>
      <InputField
        id={`${id}-expires`}
        label={t('panels.consent.expiresOptional')}
        type="date"
        value={expiresOn()}
        onInput={setExpiresOn}
        testId="consent-expires"
      />
      <ErrorAlert problem={action.problem()} testId="consent-form-error" />
      <SubmitActions
        label={given() ? t('panels.consent.submitGiven') : t('panels.consent.submitRefused')}
        testId="consent-submit"
        onCancel={() => props.onDone()}
      />
    </form>
  )
}
