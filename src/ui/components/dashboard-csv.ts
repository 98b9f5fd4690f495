import Papa from 'papaparse'

// CSV export of a dashboard figure. A spreadsheet runs a cell that begins with = + - @ (or a tab
// or carriage return) as a formula, so such text is written with a leading apostrophe. Papa's
// own default pattern ends in `.*$`, which misses a value holding a line break; ours does not.

export const FORMULA_START = /^[=+\-@\t\r]/

export type Cell = string | number

/** RFC 4180 text with CRLF line ends and a byte-order mark, so Excel reads the UTF-8. */
export const toCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]): string =>
  '\ufeff' +
  Papa.unparse(
    { fields: [...header], data: rows.map((r) => [...r]) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  )

/** Saves `text` as a file through the browser's download. */
export const downloadCsv = (fileName: string, text: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL by now; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
