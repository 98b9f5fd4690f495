import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/ui/components/dashboard-csv.ts'

describe('dashboard CSV export', () => {
  it('writes a header and rows as RFC 4180 with a byte-order mark', () => {
    const text = toCsv(['Agency', 'Number'], [['Fundacja "Most", Łódź', 3]])
    expect(text).toBe('\ufeffAgency,Number\r\n"Fundacja ""Most"", Łódź",3')
  })

  it('neutralises text a spreadsheet would run as a formula, numbers stay numbers', () => {
    const text = toCsv(
      ['Agency', 'Number'],
      [
        ['=HYPERLINK("http://x","y")', -1],
        ['+48 123', 0],
        ['-2+3', 1],
        ['@SUM(A1)', 2],
        ['=1\n2', 3],
        ['\tx', 4],
        ['Szkoła', 5],
      ],
    )
    expect(text.slice(1).split('\r\n')).toEqual([
      'Agency,Number',
      `"'=HYPERLINK(""http://x"",""y"")",-1`,
      `"'+48 123",0`,
      `"'-2+3",1`,
      `"'@SUM(A1)",2`,
      `"'=1\n2",3`,
      `"'\tx",4`,
      'Szkoła,5',
    ])
  })
})
