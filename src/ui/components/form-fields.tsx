import { type JSX, Show } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'

registerMessages(common)

/**
 * A labelled one-line input. A `hint` is shown under it (id `<id>-hint`) and describes it unless
 * `describedBy` names what does; children go last (e.g. the field's error).
 */
export const InputField = (props: {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  testId: string
  type?: 'text' | 'date' | 'datetime-local' | 'tel' | 'email'
  required?: boolean
  autocomplete?: string
  maxLength?: number
  ref?: HTMLInputElement | ((el: HTMLInputElement) => void)
  invalid?: boolean
  describedBy?: string
  hint?: string
  /** Id of a <datalist> of suggestions. */
  list?: string
  children?: JSX.Element
}) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <input
      id={props.id}
      ref={props.ref}
      type={props.type}
      required={props.required}
      autocomplete={props.autocomplete}
      maxLength={props.maxLength}
      list={props.list}
      value={props.value}
      onInput={(e) => props.onInput(e.currentTarget.value)}
      aria-invalid={props.invalid ? 'true' : undefined}
      aria-describedby={props.describedBy ?? (props.hint ? `${props.id}-hint` : undefined)}
      data-testid={props.testId}
    />
    <Show when={props.hint}>
      {(hint) => (
        <p id={`${props.id}-hint`} class="field-hint">
          {hint()}
        </p>
      )}
    </Show>
    {props.children}
  </div>
)

/**
 * A form's buttons: submit; while `onCancel` is given, a plain cancel button that calls it; then
 * any further buttons (children).
 */
export const SubmitActions = (props: {
  label: string
  testId: string
  disabled?: boolean
  onCancel?: () => void
  children?: JSX.Element
}) => {
  const { t } = useI18n()
  return (
    <div class="actions">
      <button type="submit" class="primary" disabled={props.disabled} data-testid={props.testId}>
        {props.label}
      </button>
      <Show when={props.onCancel}>
        {(cancel) => (
          <button type="button" onClick={() => cancel()()}>
            {t('common.cancel')}
          </button>
        )}
      </Show>
      {props.children}
    </div>
  )
}
