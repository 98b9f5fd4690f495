import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js'
import {
  clearIdentifyingDetails,
  consentState,
  type IdentifyingDetails,
  identifyingDetailsFor,
  mayHoldIdentifyingDetails,
  type Referral,
  SHARE_IDENTITY,
  setIdentifyingDetails,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { InputField, SubmitActions } from './form-fields.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { createAction, createNow, ErrorAlert, localDay, sideOf } from './referral-panels-shared.tsx'
import { erasure } from '../i18n/messages/erasure.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'
import { EraseField } from './erase-field.tsx'

registerMessages(referralPanels, erasure)

// Identifying details are the exception to the pseudonymous code (RF12): offered only while a
// settled legal basis (and, when that basis is consent, a valid consent to share identity)
// allows them, and shown only to the two parties.

const FIELDS = ['name', 'dateOfBirth', 'address', 'phone'] as const
type Field = (typeof FIELDS)[number]

/** Why identifying details may not be held now, or undefined when they may. */
export function identityBlocker(
  referral: Pick<Referral, 'legalBasis' | 'consents'>,
  now: Date = new Date(),
): 'no-basis' | 'basis-disputed' | 'no-identity-consent' | undefined {
  if (mayHoldIdentifyingDetails(referral, now)) return undefined
  const basis = referral.legalBasis
  if (basis.state === 'disputed') return 'basis-disputed'
  if (basis.state !== 'settled') return 'no-basis'
  const covered = referral.consents.some(
    (c) => consentState(c, now) === 'valid' && c.scope.includes(SHARE_IDENTITY),
  )
  return covered ? undefined : 'no-identity-consent'
}

const BLOCKER_TEXT: Record<NonNullable<ReturnType<typeof identityBlocker>>, MessageKey> = {
  'no-basis': 'panels.identity.blocked.no-basis',
  'basis-disputed': 'panels.identity.blocked.basis-disputed',
  'no-identity-consent': 'panels.identity.blocked.no-identity-consent',
}

export const IdentitySection = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const now = createNow()
  const id = createUniqueId()
  const action = createAction()
  const blocker = () => identityBlocker(props.referral(), now())
  const isParty = () => sideOf(props.referral(), props.me.agencyId) !== undefined
  const details = () => identifyingDetailsFor(props.referral(), props.me.agencyId)
  const mayEdit = () => !props.readOnly && isParty()
  const erase = () => action.run(() => clearIdentifyingDetails(props.conn.doc, props.me))
  return (
    <section class="rp-box rp-box--identity" aria-labelledby={`${id}-h`} data-testid="identity">
      <h3 id={`${id}-h`}>{t('panels.identity.heading')}</h3>
      <p>
        {t('panels.identity.code', {
          kind: t(`panels.personKind.${props.referral().person.kind}`),
          code: props.referral().person.code,
        })}
      </p>
      <Switch>
        <Match when={props.referral().identity.mustErase}>
          <div class="rp-warning" data-testid="identity-must-erase">
            <p>{t('panels.identity.mustErase')}</p>
            <Show when={blocker()}>{(b) => <p>{t(BLOCKER_TEXT[b()])}</p>}</Show>
            <Show when={mayEdit()}>
              <button type="button" class="danger" onClick={erase} data-testid="identity-erase">
                {t('panels.identity.erase')}
              </button>
            </Show>
          </div>
        </Match>
        <Match when={blocker()}>
          {(b) => (
            <div class="rp-note" data-testid="identity-hidden" data-reason={b()}>
              <p>{t(BLOCKER_TEXT[b()])}</p>
              <p>{t('panels.identity.untilThen')}</p>
            </div>
          )}
        </Match>
        <Match when={!isParty()}>
          <p class="rp-note" data-testid="identity-parties-only">
            {t('panels.identity.partiesOnly')}
          </p>
        </Match>
        <Match when={true}>
          <p class="rp-muted">{t('panels.identity.allowed')}</p>
          <Show when={mayEdit()} fallback={<DetailsList details={details()} />}>
            <DetailsForm panel={props} details={details()} onErase={erase} />
          </Show>
        </Match>
      </Switch>
      <Show when={mayEdit()}>
        <EraseField
          conn={props.conn}
          field="identity/details"
          what={t('erasure.what.identity')}
          testId="identity-erase-for-good"
        />
      </Show>
      <ErrorAlert problem={action.problem()} testId="identity-error" />
    </section>
  )
}

const DetailsList = (props: { details: IdentifyingDetails | undefined }) => {
  const { t, formatDate } = useI18n()
  const value = (f: Field) => {
    const v = props.details?.[f]
    if (v === undefined) return undefined
    return f === 'dateOfBirth' ? formatDate(localDay(v)) : v
  }
  return (
    <Show
      when={props.details && FIELDS.some((f) => props.details?.[f] !== undefined)}
      fallback={<p data-testid="identity-none">{t('panels.identity.none')}</p>}
    >
      <dl class="rp-facts" data-testid="identity-details">
        <For each={FIELDS.filter((f) => value(f) !== undefined)}>
          {(f) => (
            <>
              <dt>{t(`panels.identity.${f}`)}</dt>
              <dd data-testid={`identity-${f}`}>{value(f)}</dd>
            </>
          )}
        </For>
      </dl>
    </Show>
  )
}

const DetailsForm = (props: {
  panel: ReferralPanelProps
  details: IdentifyingDetails | undefined
  onErase: () => void
}) => {
  const { t } = useI18n()
  const id = createUniqueId()
  const action = createAction()
  const [draft, setDraft] = createSignal<IdentifyingDetails | null>(null)
  const shown = (): IdentifyingDetails => draft() ?? props.details ?? {}
  const edit = (f: Field, value: string) => setDraft({ ...shown(), [f]: value })
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    if (action.run(() => setIdentifyingDetails(props.panel.conn.doc, shown(), props.panel.me))) {
      setDraft(null)
    }
  }
  return (
    <form class="rp-form" onSubmit={save} data-testid="identity-form">
      <For each={FIELDS}>
        {(f) => (
          <InputField
            id={`${id}-${f}`}
            label={t(`panels.identity.${f}`)}
            type={f === 'dateOfBirth' ? 'date' : f === 'phone' ? 'tel' : 'text'}
            autocomplete="off"
            value={shown()[f] ?? ''}
            onInput={(value) => edit(f, value)}
            testId={`identity-input-${f}`}
          />
        )}
      </For>
      <p class="field-hint">{t('panels.identity.leastData')}</p>
      <ErrorAlert problem={action.problem()} testId="identity-form-error" />
      <SubmitActions
        label={t('panels.identity.save')}
        testId="identity-save"
        disabled={draft() === null}
      >
        <Show when={props.details !== undefined}>
          <button
            type="button"
            class="danger"
            onClick={() => {
              setDraft(null)
              props.onErase()
            }}
            data-testid="identity-erase"
          >
            {t('panels.identity.erase')}
          </button>
        </Show>
      </SubmitActions>
    </form>
  )
}
