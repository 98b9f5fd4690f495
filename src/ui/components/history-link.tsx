import { A } from '@solidjs/router'
import { useI18n } from '../i18n/i18n.tsx'
import './history.css'
import { registerMessages } from '../i18n/catalog.ts'
import { history } from '../i18n/messages/history.ts'

registerMessages(history)

/** From a document to its history of changes. */
export const HistoryLink = (props: { documentId: string }) => {
  const { t } = useI18n()
  return (
    <A href={`/documents/${props.documentId}/history`} data-testid="history-link">
      {t('history.link')}
    </A>
  )
}
