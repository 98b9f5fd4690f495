import { useNavigate } from '@solidjs/router'
import { createMemo, createSignal, For, onMount, Show } from 'solid-js'
import {
  addEntry,
  createReferral,
  type NewReferral,
  PERSON_KINDS,
  type PersonKind,
  randomId,
  readReferral,
  servicesOf,
  setSummary,
  type Urgency,
} from '../../model/index.ts'
import { checkNewReferral, type NewReferralField } from '../../model/referral-new.ts'
import { agreedResponseTime, respondByFrom } from '../../model/referral-respond-by.ts'
import { digestAsSummary, referralDigest } from '../../model/referral-summary.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createDirectory } from '../state/create-directory.ts'
import { createLocally } from '../state/create-open-document.ts'
import { createHolidayCalendar } from '../state/holiday-calendar.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import { InputField } from './form-fields.tsx'
import { type Problem, problemOf, ProblemAlert, UrgencyField } from './referral-common.tsx'
import { common } from '../i18n/messages/common.ts'
import { referral } from '../i18n/messages/referral.ts'
import { referrals } from '../i18n/messages/referrals.ts'

registerMessages(common, referral, referrals)

/** Roles that refer: observers read, supervisors mediate. */
export const MAY_REFER = ['field-worker', 'coordinator'] as const

const FIELD_ERRORS: Record<NewReferralField, MessageKey> = {
  receivingAgencyId: 'referrals.new.error.agency',
  person: 'referrals.new.error.code',
  service: 'referrals.new.error.service',
  urgency: 'referral.error.invalid-urgency',
  respondBy: 'referral.error.invalid-date',
  completeBy: 'referral.error.invalid-date',
}

/**
 * A new referral, made entirely on this device: the document, its index entry and summary are
 * written locally, and the receiving agency's access waits in the grant outbox until the relay
 * has the document. It starts as a draft; the referrer sends it from the referral's status bar.
 */
export const NewReferralForm = (props: {
  onCancel: () => void
  /** Instead of opening the new referral (e.g. a plan action links it and stays). */
  onCreated?: (id: string) => void
  /** Prefilled from where the referral starts (a plan action's agency and what it asks). */
  receivingAgencyId?: string
  request?: string
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const navigate = useNavigate()
  const me = () => ws.me()
  const others = createMemo(() => ws.agencies().filter((a) => a.id !== me()?.agencyId))

  const [receiving, setReceiving] = createSignal(props.receivingAgencyId ?? '')
  const [service, setService] = createSignal('')
  // The receiving agency's services in the partnership's directory, offered as suggestions; a
  // name chosen from them links the referral to that service.
  const directory = createDirectory(sync)
  const offered = createMemo(() => servicesOf(directory.records(), receiving()))
  const chosenService = () => {
    const name = service().trim()
    if (name === '') return undefined
    const listed = offered().find((s) => s.name === name)
    return listed ? { id: listed.id, name } : { name }
  }
  const [kind, setKind] = createSignal<PersonKind>('person')
  const [code, setCode] = createSignal('')
  const [urgency, setUrgency] = createSignal<Urgency>('routine')
  // RF30: until the worker types a date, respond-by follows the response time the partnership
  // agreed for the receiving agency and urgency, in working days with the public holidays (W7).
  const [typedRespondBy, setRespondBy] = createSignal<string>()
  const holidays = createHolidayCalendar(sync)
  const agreed = createMemo(() =>
    agreedResponseTime(directory.responseTimes(), receiving(), urgency()),
  )
  const proposedRespondBy = createMemo(() => {
    const [a, calendar] = [agreed(), holidays()]
    return a && calendar ? respondByFrom(a, new Date(), calendar) : undefined
  })
  const respondBy = () => typedRespondBy() ?? proposedRespondBy() ?? ''
  const respondByHint = () => {
    const a = agreed()
    if (typedRespondBy() !== undefined || !a || proposedRespondBy() === undefined) return undefined
    return t(`referrals.new.respondByAgreed.${a.unit}`, { count: a.within })
  }
  const [completeBy, setCompleteBy] = createSignal('')
  const [reason, setReason] = createSignal('')
  const [request, setRequest] = createSignal(props.request ?? '')
  const [invalid, setInvalid] = createSignal<Partial<Record<NewReferralField, MessageKey>>>({})
  const [problem, setProblem] = createSignal<Problem | null>(null)
  const [busy, setBusy] = createSignal(false)
  const controls: Partial<Record<NewReferralField, HTMLElement>> = {}
  // Opened by a button that disappears: the form's first field takes the focus.
  onMount(() => controls.receivingAgencyId?.focus())

  const draft = (id: string): NewReferral => ({
    id,
    receivingAgencyId: receiving(),
    person: { kind: kind(), code: code().trim() },
    urgency: urgency(),
    ...(chosenService() && { service: chosenService() }),
    ...(respondBy() !== '' && { respondBy: respondBy() }),
    ...(completeBy() !== '' && { completeBy: completeBy() }),
    ...(reason().trim() !== '' && { reason: reason() }),
    ...(request().trim() !== '' && { request: request() }),
  })

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const member = me()
    if (!member || busy()) return
    const id = randomId()
    const problems = checkNewReferral(draft(id), member.agencyId)
    setInvalid(Object.fromEntries(problems.map((p) => [p.field, FIELD_ERRORS[p.field]])))
    setProblem(null)
    const first = problems[0]
    if (first) {
      controls[first.field]?.focus()
      return
    }
    setBusy(true)
    const actor = { memberId: member.id, agencyId: member.agencyId }
    try {
      await createLocally(sync, id, (conn) => {
        createReferral(conn.doc, draft(id), actor)
        const workspace = sync.workspace.doc
        addEntry(
          workspace,
          { kind: 'referral', title: code().trim(), sharedWith: [receiving()], needsActionBy: [] },
          actor,
          { id },
        )
        setSummary(workspace, id, digestAsSummary(referralDigest(readReferral(conn.doc))))
        // Waits in the outbox (surviving reloads) until the relay has the document.
        void sync.grants
          .share({ documentId: id, subjectKind: 'agency', subjectId: receiving(), level: 'write' })
          .catch(() => undefined)
        if (props.onCreated) props.onCreated(id)
        else navigate(`/documents/${id}`)
      })
    } catch (err) {
      setProblem(problemOf(err))
    } finally {
      setBusy(false)
    }
  }

  const describedBy = (field: NewReferralField, hint?: string) =>
    [hint, invalid()[field] ? `new-referral-${field}-error` : undefined]
      .filter(Boolean)
      .join(' ') || undefined

  const FieldError = (p: { field: NewReferralField }) => (
    <Show when={invalid()[p.field]}>
      {(key) => (
        <p
          id={`new-referral-${p.field}-error`}
          class="field-error"
          data-testid={`new-referral-${p.field}-error`}
        >
          {t(key())}
        </p>
      )}
    </Show>
  )

  return (
    <form
      class="rf-new"
      onSubmit={(e) => void submit(e)}
      novalidate
      aria-labelledby="new-referral-heading"
      data-testid="new-referral-form"
    >
      <h2 id="new-referral-heading">{t('referrals.new.heading')}</h2>
      <p class="field-hint">{t('referrals.new.lead')}</p>

      <div class="field">
        <label for="new-referral-agency">{t('referrals.new.agency')}</label>
        <select
          id="new-referral-agency"
          ref={(el) => (controls.receivingAgencyId = el)}
          value={receiving()}
          onChange={(e) => setReceiving(e.currentTarget.value)}
          aria-invalid={invalid().receivingAgencyId ? 'true' : undefined}
          aria-describedby={describedBy('receivingAgencyId')}
          required
          data-testid="new-referral-agency"
        >
          <option value="">{t('referrals.new.agencyChoose')}</option>
          <For each={others()}>
            {(a) => (
              <option value={a.id} selected={a.id === receiving()}>
                {a.name}
              </option>
            )}
          </For>
        </select>
        <FieldError field="receivingAgencyId" />
      </div>

      <InputField
        id="new-referral-service"
        testId="new-referral-service"
        label={t('referrals.new.service')}
        ref={(el) => (controls.service = el)}
        type="text"
        autocomplete="off"
        maxLength={120}
        value={service()}
        onInput={setService}
        invalid={Boolean(invalid().service)}
        describedBy={describedBy('service', 'new-referral-service-hint')}
        hint={t('referrals.new.serviceHint')}
        list="new-referral-services"
      >
        <datalist id="new-referral-services" data-testid="new-referral-services">
          <For each={offered()}>{(s) => <option value={s.name} />}</For>
        </datalist>
        <FieldError field="service" />
      </InputField>

      <fieldset class="rf-person">
        <legend>{t('referrals.new.person')}</legend>
        <div class="field">
          <label for="new-referral-kind">{t('referrals.new.kind')}</label>
          <select
            id="new-referral-kind"
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as PersonKind)}
            data-testid="new-referral-kind"
          >
            <For each={PERSON_KINDS}>
              {(k) => (
                <option value={k} selected={k === kind()}>
                  {t(`referral.kind.${k}`)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="new-referral-code">{t('referrals.new.code')}</label>
          <input
            id="new-referral-code"
            ref={(el) => (controls.person = el)}
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={40}
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
            aria-invalid={invalid().person ? 'true' : undefined}
            aria-describedby={describedBy('person', 'new-referral-code-hint')}
            required
            data-testid="new-referral-code"
          />
          <p id="new-referral-code-hint" class="field-hint">
            {t('referrals.new.codeHint')}
          </p>
          <FieldError field="person" />
        </div>
      </fieldset>

      <div class="rf-new-row">
        <UrgencyField
          id="new-referral-urgency"
          ref={(el) => (controls.urgency = el)}
          value={urgency()}
          onChange={setUrgency}
        />
        <InputField
          id="new-referral-respond-by"
          testId="new-referral-respond-by"
          type="date"
          label={t('referral.field.respondBy')}
          ref={(el) => (controls.respondBy = el)}
          value={respondBy()}
          onInput={setRespondBy}
          invalid={Boolean(invalid().respondBy)}
          describedBy={describedBy(
            'respondBy',
            respondByHint() ? 'new-referral-respond-by-hint' : undefined,
          )}
          hint={respondByHint()}
        >
          <FieldError field="respondBy" />
        </InputField>
        <InputField
          id="new-referral-complete-by"
          testId="new-referral-complete-by"
          type="date"
          label={t('referral.field.completeBy')}
          ref={(el) => (controls.completeBy = el)}
          value={completeBy()}
          onInput={setCompleteBy}
          invalid={Boolean(invalid().completeBy)}
          describedBy={describedBy('completeBy')}
        >
          <FieldError field="completeBy" />
        </InputField>
      </div>

      <div class="field">
        <label for="new-referral-reason">{t('referral.field.reason')}</label>
        <textarea
          id="new-referral-reason"
          rows={3}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
          aria-describedby="new-referral-text-hint"
          data-testid="new-referral-reason"
        />
      </div>
      <div class="field">
        <label for="new-referral-request">{t('referral.field.request')}</label>
        <textarea
          id="new-referral-request"
          rows={3}
          value={request()}
          onInput={(e) => setRequest(e.currentTarget.value)}
          aria-describedby="new-referral-text-hint"
          data-testid="new-referral-request"
        />
        <p id="new-referral-text-hint" class="field-hint">
          {t('referrals.new.textHint')}
        </p>
      </div>

      <ProblemAlert problem={problem()} testId="new-referral-error" />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy()} data-testid="new-referral-submit">
          {busy() ? t('referrals.new.creating') : t('referrals.new.submit')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => props.onCancel()}
          data-testid="new-referral-cancel"
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
