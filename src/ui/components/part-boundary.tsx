import { ErrorBoundary, type JSX } from 'solid-js'
import { registerMessages } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { common } from '../i18n/messages/common.ts'

registerMessages(common)

/** One part of a document's screen: if it fails, it says so and the rest stays usable. */
export const PartBoundary = (props: { children: JSX.Element }) => {
  const { t } = useI18n()
  return (
    <ErrorBoundary
      fallback={(err: unknown) => (
        <p class="field-error" role="alert">
          {t('error.generic', { message: err instanceof Error ? err.message : String(err) })}
        </p>
      )}
    >
      {props.children}
    </ErrorBoundary>
  )
}
