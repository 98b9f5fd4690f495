/**
 * Each language named in itself, so that a person who cannot read the current one finds theirs:
 * the interface's languages and those a family's plan may be offered in.
 */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  pl: 'Polski',
  ru: 'Русский',
  en: 'English',
  ky: 'Кыргызча',
  uk: 'Українська',
}

export const languageName = (code: string): string => LANGUAGE_NAMES[code] ?? code
