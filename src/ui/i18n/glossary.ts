import type { Locale } from './define.ts'

/**
 * The partnership's key terms, one word per language, so that every screen and printout calls a
 * thing by the same name (issue 17 §4, issue 19 §5). Each language gives the word as shown and a
 * stem that matches its inflected forms; `avoid` lists synonyms the catalogs must not use.
 * tests/ui/glossary.test.ts holds the catalogs to it. The Kyrgyz is machine-assisted, for review.
 */
export interface Term {
  /** Where the English catalog uses the term (whole word, any case). */
  en: RegExp
  word: Record<Locale, string>
  /** Matches the term's inflected forms in each language. */
  stem: Record<Exclude<Locale, 'en'>, RegExp>
  avoid?: Partial<Record<Locale, RegExp>>
}

export const GLOSSARY: Readonly<Record<string, Term>> = {
  referral: {
    en: /(?<!Open )\breferrals?\b/i,
    word: { en: 'referral', pl: 'skierowanie', ru: 'направление', ky: 'жолдомо' },
    stem: { pl: /skierowa/i, ru: /направлени/i, ky: /жолдомо/i },
  },
  consent: {
    en: /\bconsents?\b/i,
    word: { en: 'consent', pl: 'zgoda', ru: 'согласие', ky: 'макулдук' },
    stem: { pl: /zgod/i, ru: /согласи/i, ky: /макулдук|макулдуг/i },
  },
  legalBasis: {
    en: /\blegal basis\b/i,
    word: {
      en: 'legal basis',
      pl: 'podstawa prawna',
      ru: 'правовое основание',
      ky: 'укуктук негиз',
    },
    stem: { pl: /podstaw\p{L}* prawn/iu, ru: /правов\p{L}* основани/iu, ky: /укуктук негиз/i },
    avoid: { ru: /юридическ\p{L}* основани/iu, ky: /мыйзамдуу негиз/i },
  },
  mediation: {
    en: /\bmediat(ion|ions|or|e)\b/i,
    word: { en: 'mediation', pl: 'mediacja', ru: 'медиация', ky: 'медиация' },
    stem: { pl: /mediac|mediat|mediow/i, ru: /медиаци|медиатор/i, ky: /медиаци|медиатор/i },
    avoid: { ru: /посредничеств/i, ky: /ортомчулу/i },
  },
  plan: {
    en: /\bplans?\b/i,
    word: { en: 'plan', pl: 'plan', ru: 'план', ky: 'план' },
    stem: { pl: /plan/i, ru: /план/i, ky: /план/i },
  },
  action: {
    en: /\bactions?\b/i,
    word: { en: 'action', pl: 'działanie', ru: 'действие', ky: 'иш-аракет' },
    stem: { pl: /działa/i, ru: /действи/i, ky: /иш-аракет/i },
    avoid: { ky: /иш-чара/i },
  },
  supervisor: {
    en: /\bsupervisor/i,
    word: { en: 'supervisor', pl: 'superwizor', ru: 'супервизор', ky: 'супервизор' },
    stem: { pl: /superwizor/i, ru: /супервизор/i, ky: /супервизор/i },
  },
  draft: {
    en: /\bdraft\b/i,
    word: { en: 'draft', pl: 'wersja robocza', ru: 'черновик', ky: 'долбоор' },
    stem: { pl: /wersj\p{L}* robocz/iu, ru: /черновик/i, ky: /долбоор/i },
    avoid: { pl: /szkic/i, ky: /кара жазма/i },
  },
  lineManagers: {
    en: /\bline managers?\b/i,
    word: { en: 'line managers', pl: 'kierownicy', ru: 'руководители', ky: 'жетекчилер' },
    stem: { pl: /kierowni/i, ru: /руководител/i, ky: /жетекчи/i },
    avoid: { pl: /przełożon/i, ru: /начальник/i },
  },
}
