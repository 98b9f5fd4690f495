import { A } from '@solidjs/router'
import { For, type JSX, Match, Show, Switch } from 'solid-js'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import type { Locale } from '../i18n/define.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { languageName } from '../i18n/language-names.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'
import '../screens/referral-print.css'

registerMessages(referralPanels)

/**
 * A document's print screen around its printout: back to the document, the language the
 * printout is in (each language named in itself; offered when there is a choice), why that
 * language, and the print button — none of which is printed.
 */
export function PrintShell<T>(props: {
  id: string
  titleId: string
  /** The languages the printout may be in; the chooser shows when there are several. */
  locales: readonly Locale[]
  lang: Locale
  onLang: (l: Locale) => void
  languageTestId: string
  /** Why the printout is in the language it is in. */
  hint: MessageKey
  ready: boolean
  /** The document, once it has been read and is of the kind this printout prints. */
  document: T | undefined
  notHereTestId?: string
  children: (document: T) => JSX.Element
}) {
  const { t } = useI18n()
  return (
    <section class="rp-print-screen" aria-labelledby={props.titleId}>
      <div class="rp-print-tools no-print">
        <A href={`/documents/${props.id}`}>{t('panels.print.back')}</A>
        <Show when={props.locales.length > 1}>
          <label class="rp-print-language">
            <span>{t('panels.print.language')}</span>
            <select
              onChange={(e) => props.onLang(e.currentTarget.value as Locale)}
              data-testid={props.languageTestId}
            >
              <For each={props.locales}>
                {(l) => (
                  <option value={l} lang={l} selected={l === props.lang}>
                    {languageName(l)}
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
        <p class="rp-muted">{t(props.hint)}</p>
        <button
          type="button"
          class="primary"
          disabled={props.document === undefined}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          {t('panels.print.print')}
        </button>
      </div>
      <Switch>
        <Match when={!props.ready}>
          <p class="rp-note no-print">{t('panels.print.loading')}</p>
        </Match>
        <Match when={props.document}>{(d) => props.children(d())}</Match>
        <Match when={true}>
          <p class="rp-note no-print" data-testid={props.notHereTestId}>
            {t('panels.print.notHere')}
          </p>
        </Match>
      </Switch>
    </section>
  )
}
