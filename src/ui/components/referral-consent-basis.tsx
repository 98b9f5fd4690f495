import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js'
import {
  DATA_CATEGORIES,
  type DataCategory,
  type FieldState,
  LEGAL_BASES,
  type LegalBasis,
  type LegalBasisCode,
  setDataSharing,
  setLegalBasis,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { SubmitActions } from './form-fields.tsx'
import {
  Check,
  createAction,
  createIds,
  DecisionView,
  ErrorAlert,
  sideOf,
  useNames,
} from './referral-panels-shared.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

// The legal basis for sharing and the data categories per recipient: decisions of the referring
// agency (RF9), kept apart from the person's consent to the service.

/** "Legal obligation — art. 12 of the act" */
export const useBasisText = () => {
  const { t } = useI18n()
  return (b: LegalBasis) =>
    b.note ? `${t(`panels.basis.${b.basis}`)} — ${b.note}` : t(`panels.basis.${b.basis}`)
}

export const LegalBasisSection = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const action = createAction()
  const id = createUniqueId()
  const basisText = useBasisText()
  const field = () => props.referral().legalBasis
  const settled = (): LegalBasis | undefined => {
    const f = field()
    return f.state === 'settled' ? f.value : undefined
  }
  const mayEdit = () =>
    !props.readOnly &&
    sideOf(props.referral(), props.me.agencyId) === 'referrer' &&
    field().state !== 'disputed'
  // What the form shows: the worker's unsaved choice, else the decision on record.
  const [draft, setDraft] = createSignal<{ basis: LegalBasisCode | ''; note: string } | null>(null)
  const shown = () => draft() ?? { basis: settled()?.basis ?? '', note: settled()?.note ?? '' }
  const edit = (patch: Partial<{ basis: LegalBasisCode | ''; note: string }>) =>
    setDraft({ ...shown(), ...patch })
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const { basis, note } = shown()
    const ok = action.run(() =>
      setLegalBasis(
        props.conn.doc,
        { basis: basis as LegalBasisCode, ...(note.trim() !== '' && { note }) },
        props.me,
      ),
    )
    if (ok) setDraft(null)
  }
  return (
    <section class="rp-box rp-box--basis" aria-labelledby={`${id}-h`} data-testid="legal-basis">
      <h3 id={`${id}-h`}>{t('panels.basis.heading')}</h3>
      <p class="rp-muted">{t('panels.basis.hint')}</p>
      <DecisionView
        field={field()}
        render={(b) => <span data-testid="legal-basis-value">{basisText(b)}</span>}
        empty={t('panels.basis.none')}
        testId="legal-basis-decision"
      />
      <Show
        when={mayEdit()}
        fallback={
          <Show when={sideOf(props.referral(), props.me.agencyId) === 'receiver'}>
            <p class="rp-muted">{t('panels.basis.referrerOnly')}</p>
          </Show>
        }
      >
        <form class="rp-form" onSubmit={save}>
          <div class="field">
            <label for={`${id}-basis`}>{t('panels.basis.label')}</label>
            <select
              id={`${id}-basis`}
              value={shown().basis}
              onChange={(e) => edit({ basis: e.currentTarget.value as LegalBasisCode })}
              data-testid="legal-basis-select"
            >
              <option value="" disabled>
                {t('panels.basis.choose')}
              </option>
              <For each={LEGAL_BASES}>
                {(b) => (
                  <option value={b} selected={b === shown().basis}>
                    {t(`panels.basis.${b}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <div class="field">
            <label for={`${id}-note`}>
              {shown().basis === 'other' ? t('panels.basis.noteRequired') : t('panels.basis.note')}
            </label>
            <textarea
              id={`${id}-note`}
              rows={2}
              required={shown().basis === 'other'}
              value={shown().note}
              onInput={(e) => edit({ note: e.currentTarget.value })}
              data-testid="legal-basis-note"
            />
          </div>
          <ErrorAlert problem={action.problem()} testId="legal-basis-error" />
          <SubmitActions
            label={t('panels.basis.save')}
            testId="legal-basis-save"
            disabled={draft() === null}
            onCancel={draft() === null ? undefined : () => setDraft(null)}
          />
        </form>
      </Show>
    </section>
  )
}

export const DataSharingSection = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const names = useNames()
  const id = createUniqueId()
  const isReferrer = () => sideOf(props.referral(), props.me.agencyId) === 'referrer'
  const [added, setAdded] = createSignal<string[]>([])
  // The receiving agency always, every agency a decision names, and any the worker adds.
  const recipients = createIds(
    () => [
      ...new Set([
        props.referral().parties.receivingAgencyId,
        ...props.referral().sharing.map((s) => s.recipientAgencyId),
        ...added(),
      ]),
    ],
    (a) => a,
  )
  const addable = createMemo(() =>
    ws
      .agencies()
      .filter(
        (a) => a.id !== props.referral().parties.referringAgencyId && !recipients().includes(a.id),
      ),
  )
  const field = (agencyId: string): FieldState<DataCategory[]> =>
    props.referral().sharing.find((s) => s.recipientAgencyId === agencyId)?.categories ?? {
      state: 'empty',
    }
  return (
    <section class="rp-box rp-box--basis" aria-labelledby={`${id}-h`} data-testid="data-sharing">
      <h3 id={`${id}-h`}>{t('panels.sharing.heading')}</h3>
      <p class="rp-muted">{t('panels.sharing.hint')}</p>
      <For each={recipients()}>
        {(agencyId) => (
          <RecipientCategories
            panel={props}
            agencyId={agencyId}
            agencyName={names.agency(agencyId)}
            receiving={agencyId === props.referral().parties.receivingAgencyId}
            field={field(agencyId)}
            editable={!props.readOnly && isReferrer()}
          />
        )}
      </For>
      <Show when={!props.readOnly && isReferrer() && addable().length > 0}>
        <div class="field">
          <label for={`${id}-add`}>{t('panels.sharing.addRecipient')}</label>
          <select
            id={`${id}-add`}
            value=""
            onChange={(e) => {
              const value = e.currentTarget.value
              if (value !== '') setAdded((list) => [...list, value])
              e.currentTarget.value = ''
            }}
            data-testid="sharing-add-recipient"
          >
            <option value="">{t('panels.sharing.chooseAgency')}</option>
            <For each={addable()}>{(a) => <option value={a.id}>{a.name}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={!isReferrer()}>
        <p class="rp-muted">{t('panels.sharing.referrerOnly')}</p>
      </Show>
    </section>
  )
}

const RecipientCategories = (props: {
  panel: ReferralPanelProps
  agencyId: string
  agencyName: string
  receiving: boolean
  field: FieldState<DataCategory[]>
  editable: boolean
}) => {
  const { t } = useI18n()
  const action = createAction()
  const [draft, setDraft] = createSignal<DataCategory[] | null>(null)
  const settled = () => (props.field.state === 'settled' ? props.field.value : [])
  const shown = () => draft() ?? settled()
  const toggle = (c: DataCategory, on: boolean) =>
    setDraft(on ? [...new Set([...shown(), c])] : shown().filter((x) => x !== c))
  const list = (cats: DataCategory[]) =>
    cats.length === 0
      ? t('panels.sharing.nothing')
      : cats.map((c) => t(`panels.category.${c}`)).join(', ')
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() =>
      setDataSharing(props.panel.conn.doc, props.agencyId, shown(), props.panel.me),
    )
    if (ok) setDraft(null)
  }
  return (
    <form
      class="rp-recipient"
      onSubmit={save}
      data-testid="sharing-recipient"
      data-agency={props.agencyId}
    >
      <fieldset>
        <legend>
          {props.receiving
            ? t('panels.sharing.receiving', { agency: props.agencyName })
            : props.agencyName}
        </legend>
        <DecisionView
          field={props.field}
          render={(cats) => <span>{list(cats)}</span>}
          empty={t('panels.sharing.undecided')}
          testId="sharing-decision"
        />
        <Show when={props.editable && props.field.state !== 'disputed'}>
          <div class="rp-checks">
            <For each={DATA_CATEGORIES}>
              {(c) => (
                <Check
                  label={t(`panels.category.${c}`)}
                  checked={shown().includes(c)}
                  onChange={(on) => toggle(c, on)}
                  testId={`sharing-${props.agencyId}-${c}`}
                />
              )}
            </For>
          </div>
          <ErrorAlert problem={action.problem()} testId="sharing-error" />
          <SubmitActions
            label={t('panels.sharing.save', { agency: props.agencyName })}
            testId={`sharing-${props.agencyId}-save`}
            disabled={draft() === null}
            onCancel={draft() === null ? undefined : () => setDraft(null)}
          />
        </Show>
      </fieldset>
    </form>
  )
}
