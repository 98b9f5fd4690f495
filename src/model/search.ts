// Search that forgives case and diacritics, because workers type on whatever keyboard the
// device has: "lodz" must find "Łódź", "семенов" must find "Семёнов".

// Letters that Unicode does not decompose into base + mark, mapped to the letter people
// type without the diacritic: Polish ł, Kyrgyz ң ө ү (to Cyrillic н о у).
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ң: 'н', ө: 'о', ү: 'у' }

export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łңөү]/g, (ch) => UNDECOMPOSED[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim()
}

/** True when every word of the query occurs somewhere in the text; an empty query matches. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = normalizeForSearch(text)
  const words = normalizeForSearch(query)
    .split(' ')
    .filter((w) => w !== '')
  return words.every((word) => haystack.includes(word))
}
