import { Show } from 'solid-js'
import type { DocStatus } from '../../sync/doc-connection.ts'
import { CLOSE } from '../../sync/protocol.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { common } from '../i18n/messages/common.ts'
import { openDocument } from '../i18n/messages/document.ts'

registerMessages(common, openDocument)

/**
 * One document's connection: offline, connecting, up to date or refused (and why), and its
 * unsaved changes. `forbidden` words a 4403 refusal for the kind of document.
 */
export const DocStatusLine = (props: { status: DocStatus; forbidden?: MessageKey }) => {
  const { t } = useI18n()
  const refusal = (): string => {
    const code = props.status.refusal?.code ?? 0
    if (code === CLOSE.FORBIDDEN) return t(props.forbidden ?? 'document.refused.forbidden')
    if (code === CLOSE.REVOKED) return t('document.refused.revoked')
    if (code === CLOSE.BAD_ROOM) return t('document.refused.badRoom')
    if (code === CLOSE.TOO_LARGE) return t('document.refused.tooLarge')
    if (code === CLOSE.PURGED) return t('document.refused.purged')
    return t('document.refused.other', { code: String(code) })
  }
  return (
    <div
      class="doc-status"
      data-state={props.status.state}
      data-testid="doc-status"
      aria-label={t('document.status.label')}
      role="group"
    >
      <span class="sync-dot" aria-hidden="true" />
      <Show
        when={props.status.state === 'refused'}
        fallback={<span data-testid="doc-state">{t(`status.${props.status.state}`)}</span>}
      >
        <strong role="alert" data-testid="doc-refused">
          {refusal()}
        </strong>
      </Show>
      <Show when={props.status.pending > 0}>
        <span class="doc-pending" data-testid="doc-pending" data-count={props.status.pending}>
          {t('status.pending', { count: props.status.pending })}
        </span>
      </Show>
    </div>
  )
}

/**
 * Why this member may only read the document (unless the relay refused it altogether): an
 * observer (`observerText`), or a grant to read.
 */
export const ReadOnlyNotice = (props: {
  status: DocStatus
  observer: boolean
  observerText: MessageKey
}) => {
  const { t } = useI18n()
  return (
    <Show when={props.status.state !== 'refused' && (props.observer || props.status.readOnly)}>
      <p class="notice" data-testid="document-readonly">
        {props.observer ? t(props.observerText) : t('document.readOnly.grant')}
      </p>
    </Show>
  )
}
