import { For } from 'solid-js'
import { LOCALES, type Locale } from '../i18n/define.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { languageName } from '../i18n/language-names.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'

registerMessages(common)

export const LanguageSwitcher = () => {
  const { t, locale, setLocale } = useI18n()
  return (
    <label class="language-switcher">
      <span>{t('language.label')}</span>
      <select
        value={locale()}
        onChange={(e) => setLocale(e.currentTarget.value as Locale)}
        data-testid="language"
      >
        <For each={LOCALES}>
          {(l) => (
            <option value={l} lang={l}>
              {languageName(l)}
            </option>
          )}
        </For>
      </select>
    </label>
  )
}
