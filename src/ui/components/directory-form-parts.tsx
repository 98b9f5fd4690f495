import { For, Index, onMount, Show } from 'solid-js'
import { ModelError, WEEKDAYS, type Weekday } from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { intlLocale } from '../i18n/translate.ts'
import { directory } from '../i18n/messages/directory.ts'
import { type ContactDraft, newContactDraft } from './directory-form-values.ts'

registerMessages(directory)

// The pieces the directory's forms share: a labelled field, the weekday picker, the contact
// points editor, a refusal message and the save/cancel buttons.

const ERRORS: Partial<Record<string, MessageKey>> = {
  'invalid-value': 'directory.error.invalid-value',
  'not-keeper': 'directory.error.not-keeper',
  'not-coordinator': 'directory.error.not-coordinator',
  'not-found': 'directory.error.not-found',
}

/** A refused save as a message key; anything unexpected is rethrown (a bug, not input). */
export const errorKey = (e: unknown, invalid?: MessageKey): MessageKey => {
  if (!(e instanceof ModelError)) throw e
  if (e.code === 'invalid-value' && invalid) return invalid
  return ERRORS[e.code] ?? 'directory.error.other'
}

export const Field = (props: {
  id: string
  label: string
  value: string
  onInput: (v: string) => void
  type?: string
  required?: boolean
  multiline?: boolean
  hint?: string
  autofocus?: boolean
}) => {
  let input: HTMLElement | undefined
  onMount(() => props.autofocus && input?.focus())
  const described = () => (props.hint ? `${props.id}-hint` : undefined)
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show
        when={props.multiline}
        fallback={
          <input
            ref={(el) => (input = el)}
            id={props.id}
            data-testid={props.id}
            type={props.type ?? 'text'}
            required={props.required}
            aria-describedby={described()}
            value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        }
      >
        <textarea
          ref={(el) => (input = el)}
          id={props.id}
          data-testid={props.id}
          rows={2}
          aria-describedby={described()}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </Show>
    </div>
  )
}

export const DayPicker = (props: {
  id: string
  days: Weekday[]
  onChange: (d: Weekday[]) => void
}) => {
  const { locale } = useI18n()
  const name = (i: number) =>
    new Intl.DateTimeFormat(intlLocale(locale()), { weekday: 'short', timeZone: 'UTC' }).format(
      Date.UTC(2024, 0, 1 + i),
    )
  return (
    <div class="dir-days">
      <For each={WEEKDAYS}>
        {(d, i) => (
          <label>
            <input
              type="checkbox"
              data-testid={`${props.id}-day-${d}`}
              checked={props.days.includes(d)}
              onChange={(e) =>
                props.onChange(
                  e.currentTarget.checked ? [...props.days, d] : props.days.filter((x) => x !== d),
                )
              }
            />{' '}
            {name(i())}
          </label>
        )}
      </For>
    </div>
  )
}

/** Public contact points only: the hint says so, because a form invites any phone number. */
export const ContactsEditor = (props: {
  id: string
  drafts: ContactDraft[]
  onChange: (d: ContactDraft[]) => void
}) => {
  const { t } = useI18n()
  const update = (id: string, change: Partial<ContactDraft>) =>
    props.onChange(props.drafts.map((d) => (d.id === id ? { ...d, ...change } : d)))
  return (
    <fieldset aria-describedby={`${props.id}-contacts-hint`}>
      <legend>{t('directory.form.contacts')}</legend>
      <p class="field-hint" id={`${props.id}-contacts-hint`}>
        {t('directory.form.contactsHint')}
      </p>
      <Index each={props.drafts}>
        {(d, i) => (
          <div class="dir-contact-draft" data-testid={`${props.id}-contact-${i}`}>
            <Field
              id={`${props.id}-contact-${i}-name`}
              label={t('directory.form.contactName')}
              value={d().name}
              onInput={(name) => update(d().id, { name })}
            />
            <Field
              id={`${props.id}-contact-${i}-phone`}
              label={t('directory.form.contactPhone')}
              type="tel"
              value={d().phone}
              onInput={(phone) => update(d().id, { phone })}
            />
            <Field
              id={`${props.id}-contact-${i}-email`}
              label={t('directory.form.email')}
              type="email"
              value={d().email}
              onInput={(email) => update(d().id, { email })}
            />
            <button
              type="button"
              class="secondary"
              onClick={() => props.onChange(props.drafts.filter((x) => x.id !== d().id))}
            >
              {t('directory.form.removeContact', { n: i + 1 })}
            </button>
          </div>
        )}
      </Index>
      <button
        type="button"
        class="secondary"
        onClick={() => props.onChange([...props.drafts, newContactDraft()])}
      >
        {t('directory.form.addContact')}
      </button>
    </fieldset>
  )
}

export const FormEnd = (props: { id: string; error: MessageKey | null; onCancel: () => void }) => {
  const { t } = useI18n()
  return (
    <>
      <Show when={props.error}>
        {(key) => (
          <p class="sa-alert" role="alert">
            {t(key())}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="primary" data-testid={`${props.id}-save`}>
          {t('directory.form.save')}
        </button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {t('directory.form.cancel')}
        </button>
      </div>
    </>
  )
}
