import { createSignal, For, Show } from 'solid-js'
import {
  addParticipant,
  FAMILY_ROLES,
  type FamilyRole,
  removeParticipant,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import {
  createPlanAction,
  mayEdit,
  type PlanCtx,
  PlanSection,
  PlanSelect,
  ProblemAlert,
  usePlanNames,
} from './plan-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

/** FP5: the family by pseudonymous code and role, the professionals by agency, member and role. */
export const PlanParticipants = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const p = () => ctx.plan()
  const action = createPlanAction()
  const mayRemove = (id: string) => {
    const x = p().participants.find((y) => y.id === id)
    return (
      mayEdit(ctx) && (ctx.lead() || (x?.kind === 'professional' && x.agencyId === ctx.me.agencyId))
    )
  }
  return (
    <PlanSection id="participants" title={t('plan.section.participants')} ctx={ctx}>
      <Show
        when={p().participants.length > 0}
        fallback={<p class="plan-muted">{t('plan.participants.none')}</p>}
      >
        <ul class="plan-list" data-testid="plan-participants">
          <For each={p().participants}>
            {(x) => (
              <li data-testid="plan-participant" data-id={x.id}>
                <span>
                  {names.participant(p(), x.id)}
                  <Show when={x.kind === 'professional' && x}>
                    {(pro) => (
                      <>
                        {' — '}
                        {pro().role}
                        <Show when={pro().facilitator}>
                          {' · '}
                          <strong>{t('plan.participants.facilitator')}</strong>
                        </Show>
                      </>
                    )}
                  </Show>
                  <Show when={x.id === p().representativeId}>
                    {' · '}
                    <strong>{t('plan.participants.representative')}</strong>
                  </Show>
                </span>
                <Show when={mayRemove(x.id)}>
                  <button
                    type="button"
                    class="secondary small"
                    aria-label={t('plan.participants.remove', {
                      name: names.participant(p(), x.id),
                    })}
                    onClick={() =>
                      action.run(() => removeParticipant(ctx.conn.doc, x.id, ctx.me)) &&
                      ctx.onWrite()
                    }
                  >
                    {t('plan.remove')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ProblemAlert problem={action.problem()} testId="plan-participants-error" />
      <Show when={mayEdit(ctx)}>
        <Show when={ctx.lead()}>
          <AddFamilyMember ctx={ctx} />
        </Show>
        <AddProfessional ctx={ctx} />
      </Show>
    </PlanSection>
  )
}

const AddFamilyMember = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const action = createPlanAction()
  const [code, setCode] = createSignal('')
  const [role, setRole] = createSignal<FamilyRole>('parent')
  const [account, setAccount] = createSignal('')
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      addParticipant(
        props.ctx.conn.doc,
        {
          kind: 'family',
          code: code().trim(),
          familyRole: role(),
          ...(account() !== '' && { memberId: account() }),
        },
        props.ctx.me,
      )
    })
    if (ok) {
      setCode('')
      setAccount('')
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={add} novalidate aria-labelledby="plan-add-family-h">
      <h3 id="plan-add-family-h">{t('plan.participants.addFamily')}</h3>
      <div class="plan-grid">
        <div class="field">
          <label for="plan-family-code">{t('plan.participants.code')}</label>
          <input
            id="plan-family-code"
            value={code()}
            maxLength={40}
            autocomplete="off"
            aria-describedby="plan-family-code-hint"
            onInput={(e) => setCode(e.currentTarget.value)}
            data-testid="plan-family-code"
          />
          <p id="plan-family-code-hint" class="field-hint">
            {t('plan.participants.codeHint')}
          </p>
        </div>
        <PlanSelect
          id="plan-family-role"
          testId="plan-family-role"
          label={t('plan.participants.familyRole')}
          value={role()}
          options={FAMILY_ROLES.map((r) => ({ value: r, label: t(`plan.familyRole.${r}`) }))}
          onChange={(v) => setRole(v as FamilyRole)}
        />
        <PlanSelect
          id="plan-family-account"
          testId="plan-family-account"
          label={t('plan.participants.account')}
          value={account()}
          placeholder={t('plan.participants.noAccount')}
          options={ws.members().map((m) => ({ value: m.id, label: m.displayName }))}
          onChange={setAccount}
        />
      </div>
      <ProblemAlert problem={action.problem()} testId="plan-add-family-error" />
      <button type="submit" class="secondary" data-testid="plan-add-family">
        {t('plan.participants.addFamilySubmit')}
      </button>
    </form>
  )
}

const AddProfessional = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const action = createPlanAction()
  const agencies = () =>
    props.ctx.lead() ? ws.agencies() : ws.agencies().filter((a) => a.id === props.ctx.me.agencyId)
  const [agency, setAgency] = createSignal(props.ctx.me.agencyId)
  const [member, setMember] = createSignal('')
  const [role, setRole] = createSignal('')
  const [facilitator, setFacilitator] = createSignal(false)
  const members = () => ws.members().filter((m) => m.agencyId === agency() && m.role !== 'observer')
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      addParticipant(
        props.ctx.conn.doc,
        {
          kind: 'professional',
          agencyId: agency(),
          memberId: member(),
          role: role().trim(),
          facilitator: facilitator(),
        },
        props.ctx.me,
      )
    })
    if (ok) {
      setMember('')
      setRole('')
      setFacilitator(false)
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={add} novalidate aria-labelledby="plan-add-pro-h">
      <h3 id="plan-add-pro-h">{t('plan.participants.addProfessional')}</h3>
      <div class="plan-grid">
        <PlanSelect
          id="plan-pro-agency"
          testId="plan-pro-agency"
          label={t('plan.participants.agency')}
          value={agency()}
          options={agencies().map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v) => {
            setAgency(v)
            setMember('')
          }}
        />
        <PlanSelect
          id="plan-pro-member"
          testId="plan-pro-member"
          label={t('plan.participants.member')}
          value={member()}
          placeholder={t('plan.participants.chooseMember')}
          options={members().map((m) => ({ value: m.id, label: m.displayName }))}
          onChange={setMember}
        />
        <div class="field">
          <label for="plan-pro-role">{t('plan.participants.role')}</label>
          <input
            id="plan-pro-role"
            value={role()}
            maxLength={80}
            onInput={(e) => setRole(e.currentTarget.value)}
            data-testid="plan-pro-role"
          />
        </div>
      </div>
      <label class="plan-check">
        <input
          type="checkbox"
          checked={facilitator()}
          onChange={(e) => setFacilitator(e.currentTarget.checked)}
          data-testid="plan-pro-facilitator"
        />
        <span>{t('plan.participants.facilitator')}</span>
      </label>
      <ProblemAlert problem={action.problem()} testId="plan-add-pro-error" />
      <button type="submit" class="secondary" data-testid="plan-add-professional">
        {t('plan.participants.addProfessionalSubmit')}
      </button>
    </form>
  )
}
