import { createMemo, createSignal, onCleanup } from 'solid-js'
import { hasReferral, observeReferral, readReferral, type Referral } from '../../model/index.ts'
import { PrintShell } from '../components/print-shell.tsx'
import { createVerification } from '../components/referral-signoffs.tsx'
import { LOCALES, type Locale } from '../i18n/define.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument } from '../state/create-open-document.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import { Printout } from './referral-printout.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

/** A referral agreement on A4, in a language chosen for the reader (document-print.tsx). */
export default function ReferralPrint(props: { id: string }) {
  const { locale } = useI18n()
  const ws = useWorkspace()
  const { conn, ready } = createOpenDocument(props.id)
  const [version, setVersion] = createSignal(0)
  onCleanup(observeReferral(conn.doc, () => setVersion((v) => v + 1)))

  const referral = createMemo<Referral | undefined>(() => {
    version()
    if (!ready() || !hasReferral(conn.doc)) return undefined
    return readReferral(conn.doc)
  })
  const { verified, hash } = createVerification(
    () => conn.doc,
    () => referral(),
  )
  const [lang, setLang] = createSignal<Locale>(locale())

  return (
    <PrintShell
      id={props.id}
      titleId="rp-print-title"
      locales={LOCALES}
      lang={lang()}
      onLang={setLang}
      languageTestId="print-language"
      hint="panels.print.languageHint"
      ready={ready()}
      document={referral()}
      notHereTestId="print-not-referral"
    >
      {(r) => (
        <Printout
          referral={r}
          locale={lang()}
          viewerAgencyId={ws.me()?.agencyId ?? ''}
          verified={verified()}
          hash={hash()}
        />
      )}
    </PrintShell>
  )
}
