import { Show } from 'solid-js'
import { type Problem, useI18n } from '../i18n/i18n.tsx'

/** A problem that trying again may solve (the relay out of reach), with the button to try. */
export const RetryAlert = (props: {
  problem: Problem | null
  testId: string
  retry: string
  retryTestId: string
  onRetry: () => void
  disabled?: boolean
}) => {
  const { t } = useI18n()
  return (
    <Show when={props.problem}>
      {(p) => (
        <div class="sa-alert" role="alert" data-testid={props.testId}>
          <p>{t(p().key, p().params)}</p>
          <button
            type="button"
            class="secondary"
            disabled={props.disabled}
            onClick={() => props.onRetry()}
            data-testid={props.retryTestId}
          >
            {props.retry}
          </button>
        </div>
      )}
    </Show>
  )
}
