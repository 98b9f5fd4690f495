/** A message: plain text with {placeholders}, or plural forms chosen by Intl.PluralRules. */
export type Message = string | { one?: string; few?: string; many?: string; other: string }

export const LOCALES = ['pl', 'ru', 'en', 'ky'] as const
export type Locale = (typeof LOCALES)[number]

/** One language's messages, kept in a file of its own (messages/ky/): checked where it is used. */
export type Messages = Readonly<Record<string, Message>>

/**
 * One area's messages in every language; the type checker makes each language translate exactly
 * the English keys. Kyrgyz comes from its own file (messages/ky/<area>.ts), so it is checked here:
 * a missing key fails `Record<K, Message>`, an extra one is typed `never`.
 */
export const defineMessages = <
  K extends string,
  KY extends Partial<Record<NoInfer<K>, Message>>,
>(m: {
  en: Record<K, Message>
  pl: Record<NoInfer<K>, Message>
  ru: Record<NoInfer<K>, Message>
  ky: KY & Record<Exclude<keyof KY, K>, never>
}) => m
