/** A message: plain text with {placeholders}, or plural forms chosen by Intl.PluralRules. */
export type Message = string | { one?: string; few?: string; many?: string; other: string }

export const LOCALES = ['pl', 'ru', 'en', 'ky'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * One area's messages in every language. Polish, Russian and English must translate every key
 * (the type checker enforces it); Kyrgyz may leave keys out and falls back to Russian.
 */
export const defineMessages = <K extends string>(m: {
  en: Record<K, Message>
  pl: Record<K, Message>
  ru: Record<K, Message>
  ky?: Partial<Record<K, Message>>
}) => m
