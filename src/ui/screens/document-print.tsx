import { A } from '@solidjs/router'
import { lazy, Show } from 'solid-js'
import { DocumentRoute } from '../components/document-route.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import { PlanPrint } from './plan-print.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

const ReferralPrint = lazy(() => import('./referral-print.tsx'))

/** `/documents/:id/print`: a plan's printout in the family's language, else a referral's. */
export default function DocumentPrintScreen() {
  const { t } = useI18n()
  const ws = useWorkspace()
  return (
    <DocumentRoute
      invalid={
        <section class="rp-print-screen">
          <p class="rp-note">{t('panels.print.invalidId')}</p>
          <A href="/documents">{t('panels.print.toDocuments')}</A>
        </section>
      }
    >
      {(id) => (
        <Show
          when={ws.entries().find((e) => e.id === id)?.kind === 'plan'}
          fallback={<ReferralPrint id={id} />}
        >
          <PlanPrint id={id} />
        </Show>
      )}
    </DocumentRoute>
  )
}
