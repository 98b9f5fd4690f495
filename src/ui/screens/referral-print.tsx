import { A } from '@solidjs/router'
import { createMemo, createSignal, For, Match, onCleanup, Switch } from 'solid-js'
import { hasReferral, observeReferral, readReferral, type Referral } from '../../model/index.ts'
import { DocumentRoute } from '../components/document-route.tsx'
import { createVerification } from '../components/referral-signoffs.tsx'
import type { Locale } from '../i18n/define.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument } from '../state/create-open-document.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import { Printout } from './referral-printout.tsx'
import './referral-print.css'
import { registerMessages } from '../i18n/catalog.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

/** The languages a printout is offered in, each named in itself. */
const PRINT_LOCALES = ['pl', 'ru', 'en'] as const
export type PrintLocale = (typeof PRINT_LOCALES)[number]
const NATIVE_NAMES: Record<PrintLocale, string> = { pl: 'Polski', ru: 'Русский', en: 'English' }

/** The interface language, or Russian for Kyrgyz (the language its readers fall back to). */
const printLocaleFor = (l: Locale): PrintLocale =>
  (PRINT_LOCALES as readonly string[]).includes(l) ? (l as PrintLocale) : 'ru'

/** `/documents/:id/print`: the referral agreement on A4, in a language chosen for the reader. */
export default function ReferralPrintScreen() {
  const { t } = useI18n()
  return (
    <DocumentRoute
      invalid={
        <section class="rp-print-screen">
          <p class="rp-note">{t('panels.print.invalidId')}</p>
          <A href="/documents">{t('panels.print.toDocuments')}</A>
        </section>
      }
    >
      {(id) => <PrintDocument id={id} />}
    </DocumentRoute>
  )
}

const PrintDocument = (props: { id: string }) => {
  const id = props.id
  const { t, locale } = useI18n()
  const ws = useWorkspace()
  const { conn, ready } = createOpenDocument(id)
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
  const [lang, setLang] = createSignal<PrintLocale>(printLocaleFor(locale()))
  const viewerAgency = () => ws.me()?.agencyId ?? ''

  return (
    <section class="rp-print-screen" aria-labelledby="rp-print-title">
      <div class="rp-print-tools no-print">
        <A href={`/documents/${id}`}>{t('panels.print.back')}</A>
        <label class="rp-print-language">
          <span>{t('panels.print.language')}</span>
          <select
            value={lang()}
            onChange={(e) => setLang(e.currentTarget.value as PrintLocale)}
            data-testid="print-language"
          >
            <For each={PRINT_LOCALES}>
              {(l) => (
                <option value={l} lang={l} selected={l === lang()}>
                  {NATIVE_NAMES[l]}
                </option>
              )}
            </For>
          </select>
        </label>
        <p class="rp-muted">{t('panels.print.languageHint')}</p>
        <button
          type="button"
          class="primary"
          disabled={referral() === undefined}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          {t('panels.print.print')}
        </button>
      </div>
      <Switch>
        <Match when={!ready()}>
          <p class="rp-note no-print">{t('panels.print.loading')}</p>
        </Match>
        <Match when={referral()}>
          {(r) => (
            <Printout
              referral={r()}
              locale={lang()}
              viewerAgencyId={viewerAgency()}
              verified={verified()}
              hash={hash()}
            />
          )}
        </Match>
        <Match when={true}>
          <p class="rp-note no-print" data-testid="print-not-referral">
            {t('panels.print.notHere')}
          </p>
        </Match>
      </Switch>
    </section>
  )
}
