import { type JSX, Match, Switch } from 'solid-js'
import { DOCUMENT_SCHEMA_VERSION, type DocumentKind, type DocumentMeta } from '../../model/index.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { openDocument } from '../i18n/messages/document.ts'

registerMessages(openDocument)

/**
 * What every document screen shows before its own states: loading from the device, another kind
 * of document, a newer schema than this app knows, or a refusal (the status line says why);
 * otherwise its children.
 */
export const DocumentGate = (props: {
  kind: DocumentKind
  ready: boolean
  meta: DocumentMeta | undefined
  refused: boolean
  children: JSX.Element
}) => {
  const { t } = useI18n()
  return (
    <Switch fallback={props.children}>
      <Match when={!props.ready}>
        <p class="empty-state">{t('document.loading')}</p>
      </Match>
      <Match when={props.meta && props.meta.kind !== props.kind}>
        <p class="notice">{t('document.wrongKind')}</p>
      </Match>
      <Match when={(props.meta?.schemaVersion ?? 0) > DOCUMENT_SCHEMA_VERSION}>
        <p class="notice">{t('document.schemaTooNew')}</p>
      </Match>
      <Match when={props.refused}>{null}</Match>
    </Switch>
  )
}
