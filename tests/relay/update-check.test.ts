/**
 * The relay's update validation (sync-server/update-check.ts) in-process: every update Yjs
 * writes passes; each class of corrupt update that once got into a room (see fuzz.test.ts and
 * malformed.test.ts for their end-to-end regressions) fails; and, against the check it replaced
 * (decode, then apply to a throwaway Y.Doc) kept here as an oracle, nothing that check refused
 * gets through.
 */
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkUpdate, isEmptyUpdate } from '../../sync-server/update-check.ts'
import { mulberry32 } from './frames.ts'

/** The previous check: Yjs's decoder, the own-client rule, and an apply to an empty Y.Doc. */
const oracle = (update: Uint8Array): void => {
  const { structs } = Y.decodeUpdate(update)
  for (const s of structs) {
    if (!(s.length > 0)) throw new Error('empty struct')
    if (!(s instanceof Y.Item)) continue
    const { client, clock } = s.id
    const parent = s.parent instanceof Y.ID ? s.parent : null
    for (const ref of [s.origin, s.rightOrigin, parent]) {
      if (ref && ref.client === client && ref.clock >= clock) throw new Error('later change')
    }
  }
  const doc = new Y.Doc({ guid: 'oracle' })
  try {
    Y.applyUpdate(doc, update)
  } finally {
    doc.destroy()
  }
}

const accepts = (check: (u: Uint8Array) => void, u: Uint8Array): boolean => {
  try {
    check(u)
    return true
  } catch {
    return false
  }
}

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]))

/** Builds a v1 update by hand: one client's structs, then a delete set. */
const v1 = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}
const uint = encoding.writeVarUint
const str = encoding.writeVarString
/** Header of an update with one client section of `structs` structs at `client:clock`. */
const section = (e: encoding.Encoder, client: number, clock: number, structs = 1): void => {
  uint(e, 1)
  uint(e, structs)
  uint(e, client)
  uint(e, clock)
}
/** A string item in root type `root`, no origins. */
const rootString = (e: encoding.Encoder, root: string, s: string): void => {
  encoding.writeUint8(e, 4)
  uint(e, 1) // parent is a root type, by name
  str(e, root)
  str(e, s)
}
const noDeletes = (e: encoding.Encoder): void => uint(e, 0)

/** Real documents of many shapes; every update they emit, and their states, merged and diffed. */
const validUpdates = (): Map<string, Uint8Array> => {
  const out = new Map<string, Uint8Array>()
  const record = (name: string, doc: Y.Doc, change: () => void): void => {
    const before = Y.encodeStateVector(doc)
    change()
    out.set(name, Y.encodeStateAsUpdate(doc, before))
  }
  const a = new Y.Doc()
  a.clientID = 11
  const text = a.getText('text')
  const map = a.getMap<unknown>('map')
  const array = a.getArray<unknown>('array')
  const xml = a.getXmlFragment('xml')
  record('text insert', a, () => text.insert(0, 'Plan pomocy rodzinie'))
  record('text with surrogate pairs and multi-byte letters', a, () =>
    text.insert(4, ' 😀 żółć Жизнь €'),
  )
  record('text deletion', a, () => text.delete(2, 5))
  record('text formatting', a, () => text.format(0, 4, { bold: true, color: '#c0ffee' }))
  record('text formatting removed', a, () => text.format(0, 2, { bold: null }))
  record('text insert with attributes', a, () => text.insert(3, 'x', { italic: true }))
  record('text embed', a, () => text.insertEmbed(1, { image: 'https://example.org/a.png' }))
  record('map values of every JSON kind', a, () => {
    map.set('string', 'in-progress')
    map.set('number', 42.5)
    map.set('negative', -7)
    map.set('boolean', false)
    map.set('null', null)
    map.set('object', { due: '2026-12-01', list: [1, 'two', null, { deep: true }] })
  })
  record('map binary value', a, () => map.set('bytes', new Uint8Array([0, 1, 255])))
  record('map overwrite and delete', a, () => {
    map.set('string', 'completed')
    map.delete('boolean')
  })
  record('nested types', a, () => {
    const sub = new Y.Map<unknown>()
    map.set('sub', sub)
    sub.set('text', new Y.Text('nested'))
    sub.set('array', Y.Array.from([1, 2, 3]))
  })
  record('array of values and types', a, () => {
    array.insert(0, [1, 'a', null, true, { k: 'v' }, new Uint8Array([7]), new Y.Array()])
  })
  record('array deletion', a, () => array.delete(1, 3))
  record('xml element, attributes, text and hook', a, () => {
    const p = new Y.XmlElement('p')
    p.setAttribute('class', 'goal')
    const t = new Y.XmlText('Cel')
    t.format(0, 3, { bold: true })
    p.insert(0, [t])
    // Yjs takes hooks in a fragment; its typings list only elements and text.
    xml.insert(0, [p, new Y.XmlHook('signature') as unknown as Y.XmlElement])
  })
  record('deletion of a nested type', a, () => map.delete('sub'))
  record('subdocument', a, () => map.set('attachment', new Y.Doc({ guid: 'attachment-1' })))
  out.set('whole state', Y.encodeStateAsUpdate(a))

  // Concurrent writers: several clients in one update, references across clients, deletions of
  // each other's content.
  const b = new Y.Doc()
  b.clientID = 22
  const c = new Y.Doc()
  c.clientID = 4_000_000_000
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  record('edit between another client’s letters', b, () => b.getText('text').insert(5, 'BB'))
  record('concurrent edit', c, () => c.getText('text').insert(0, 'C'))
  Y.applyUpdate(c, Y.encodeStateAsUpdate(b))
  record('deletion across clients', c, () => c.getText('text').delete(0, 8))
  out.set('state of three clients', Y.encodeStateAsUpdate(c))
  out.set('diff for a peer', Y.diffUpdate(Y.encodeStateAsUpdate(c), Y.encodeStateVector(a)))

  // What the relay stores: merges, including of updates with gaps between them (Skip structs).
  const steps: Uint8Array[] = []
  const d = new Y.Doc()
  d.clientID = 33
  d.on('update', (u: Uint8Array) => steps.push(u))
  for (let i = 0; i < 6; i++) d.getText('t').insert(i, String(i))
  out.set('merge of consecutive updates', Y.mergeUpdates(steps))
  out.set('merge with gaps', Y.mergeUpdates([steps[0]!, steps[2]!, steps[5]!]))

  // A garbage-collected document: deleted content written as GC structs.
  const e = new Y.Doc()
  e.clientID = 44
  e.getArray('gc').insert(0, [new Y.Map(), new Y.Map(), 'x'])
  e.getArray('gc').delete(0, 2)
  out.set('garbage-collected state', Y.encodeStateAsUpdate(e))

  out.set('empty document', Y.encodeStateAsUpdate(new Y.Doc()))
  out.set('empty update', new Uint8Array([0, 0]))
  // Legacy JSON content (Yjs reads it, no longer writes it), including its 'undefined' entry.
  out.set(
    'legacy JSON content',
    v1((w) => {
      section(w, 55, 0)
      encoding.writeUint8(w, 2)
      uint(w, 1)
      str(w, 'legacy')
      uint(w, 2)
      str(w, '{"a":[1,2]}')
      str(w, 'undefined')
      noDeletes(w)
    }),
  )
  return out
}

describe('checkUpdate', () => {
  const valid = validUpdates()

  it.each([...valid.keys()])('accepts a real update: %s', (name) => {
    const update = valid.get(name)!
    expect(() => oracle(update), 'the oracle agrees it is valid').not.toThrow()
    expect(() => checkUpdate(update)).not.toThrow()
  })

  it('R10: the valid set covers every struct and content kind', () => {
    const kinds = new Set<string>()
    for (const u of valid.values()) {
      for (const s of Y.decodeUpdate(u).structs) {
        kinds.add(s instanceof Y.Item ? s.content.constructor.name : s.constructor.name)
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        'ContentAny',
        'ContentBinary',
        'ContentDeleted',
        'ContentDoc',
        'ContentEmbed',
        'ContentFormat',
        'ContentJSON',
        'ContentString',
        'ContentType',
        'GC',
        'Skip',
      ].sort(),
    )
  })

  it('R10: refuses every truncation of a valid update', () => {
    for (const [name, update] of valid) {
      for (let n = 0; n < update.length; n++) {
        expect(() => checkUpdate(update.subarray(0, n)), `${name} cut at ${n}`).toThrow()
      }
    }
  })

  it('R10: refuses the updates the fuzz found corrupting rooms', () => {
    // A deletion of zero items (kept pending, it crashes Yjs's v2 encoder).
    expect(() => checkUpdate(hex('00018906018b4c00'))).toThrow(/deletion of zero items/)
    // A GC struct followed by a delete set with a zero-length range.
    expect(() => checkUpdate(hex('0101890650008906017101f02200'))).toThrow(/deletion of zero items/)
    // Client 777, clock 1, origin 777:3: a later clock of its own client.
    expect(() => checkUpdate(hex('010189060184890603017800'))).toThrow(
      /later change of its own client/,
    )
  })

  describe('refuses structs of no length', () => {
    const cases: [string, (e: encoding.Encoder) => void][] = [
      ['an empty string', (e) => rootString(e, 't', '')],
      ['a GC of length 0', (e) => (encoding.writeUint8(e, 0), uint(e, 0))],
      ['a skip of length 0', (e) => (encoding.writeUint8(e, 10), uint(e, 0))],
      [
        'a deleted run of length 0',
        (e) => (encoding.writeUint8(e, 1), uint(e, 1), str(e, 't'), uint(e, 0)),
      ],
      [
        'an Any list of no values',
        (e) => (encoding.writeUint8(e, 8), uint(e, 1), str(e, 'a'), uint(e, 0)),
      ],
    ]
    it.each(cases)('%s', (_, struct) => {
      const update = v1((e) => {
        section(e, 5, 0)
        struct(e)
        noDeletes(e)
      })
      expect(() => checkUpdate(update)).toThrow(/empty struct/)
    })
  })

  describe('refuses references to a later (or the same) clock of the item’s own client', () => {
    const item = (info: number, refClock: number) =>
      v1((e) => {
        section(e, 5, 3)
        encoding.writeUint8(e, info)
        if (info & 0x80 || info & 0x40) {
          uint(e, 5)
          uint(e, refClock)
        } else {
          uint(e, 0) // parent by id
          uint(e, 5)
          uint(e, refClock)
        }
        str(e, 'x')
        noDeletes(e)
      })
    it.each([
      ['origin', 0x80 | 4],
      ['right origin', 0x40 | 4],
      ['parent', 4],
    ])('%s', (_, info) => {
      expect(() => checkUpdate(item(info, 3))).toThrow(/later change of its own client/)
      expect(() => checkUpdate(item(info, 9))).toThrow(/later change of its own client/)
      expect(() => checkUpdate(item(info, 2))).not.toThrow()
    })
    it('also when the earlier structs of the same update came first', () => {
      const update = v1((e) => {
        section(e, 5, 0, 2)
        rootString(e, 't', 'ab') // 5:0–5:1
        encoding.writeUint8(e, 0x80 | 4) // 5:2 with origin 5:2: itself
        uint(e, 5)
        uint(e, 2)
        str(e, 'c')
        noDeletes(e)
      })
      expect(() => checkUpdate(update)).toThrow(/later change of its own client/)
    })
  })

  it('R10: refuses a client written twice', () => {
    const update = v1((e) => {
      uint(e, 2)
      for (const clock of [0, 1]) {
        uint(e, 1)
        uint(e, 5)
        uint(e, clock)
        rootString(e, 't', 'x')
      }
      noDeletes(e)
    })
    expect(() => checkUpdate(update)).toThrow(/client written twice/)
  })

  it('R10: refuses a deletion of zero items, also of content the update itself holds', () => {
    // The throwaway-doc apply let this one through: the range was present there.
    const update = v1((e) => {
      section(e, 5, 0)
      rootString(e, 't', 'abc')
      uint(e, 1)
      uint(e, 5)
      uint(e, 1)
      uint(e, 1)
      uint(e, 0)
    })
    expect(accepts(oracle, update)).toBe(true)
    expect(() => checkUpdate(update)).toThrow(/deletion of zero items/)
  })

  it('R10: refuses bytes after the delete set', () => {
    const update = valid.get('text insert')!
    expect(() => checkUpdate(concat(update, Uint8Array.of(0)))).toThrow(/after the delete set/)
    expect(() => checkUpdate(concat(update, update))).toThrow(/after the delete set/)
  })

  it('R10: refuses content Yjs cannot read', () => {
    const withStruct = (write: (e: encoding.Encoder) => void) =>
      v1((e) => {
        section(e, 5, 0)
        write(e)
        noDeletes(e)
      })
    const inRoot = (info: number, content: (e: encoding.Encoder) => void) =>
      withStruct((e) => {
        encoding.writeUint8(e, info)
        uint(e, 1)
        str(e, 'r')
        content(e)
      })
    const bad: [string, Uint8Array, RegExp][] = [
      ['unknown content 11', inRoot(11, () => {}), /unknown content 11/],
      ['content ref 10 with flags (not a skip)', inRoot(10 | 0x20, (e) => str(e, 'k')), /10/],
      ['unknown type', inRoot(7, (e) => uint(e, 7)), /unknown type 7/],
      ['embed that is not JSON', inRoot(5, (e) => str(e, '{nope')), /JSON/],
      ['format value that is not JSON', inRoot(6, (e) => (str(e, 'b'), str(e, 'x'))), /JSON/],
      ['legacy JSON that is not JSON', inRoot(2, (e) => (uint(e, 1), str(e, '{'))), /JSON/],
      [
        'a string that is not UTF-8',
        inRoot(4, (e) => encoding.writeVarUint8Array(e, Uint8Array.of(0xc3, 0x28))),
        /./,
      ],
      [
        'a subdocument without options',
        inRoot(9, (e) => (str(e, 'guid'), encoding.writeAny(e, null))),
        /subdocument/,
      ],
    ]
    for (const [what, update, reason] of bad) {
      expect(accepts(oracle, update), `the oracle refuses ${what}`).toBe(false)
      expect(() => checkUpdate(update), what).toThrow(reason)
    }
  })

  it('R10: refuses everything the throwaway-doc apply refused (seeded mutations and random updates)', () => {
    const next = mulberry32(0x75706474)
    const int = (n: number) => Math.floor(next() * n)
    const pool = [...valid.values()].filter((u) => u.length > 2)
    const mutate = (input: Uint8Array): Uint8Array => {
      const b = [...input]
      for (let k = 1 + int(4); k > 0; k--) {
        const at = int(b.length + 1)
        switch (int(7)) {
          case 0:
            b[at % b.length] = int(256)
            break
          case 1:
            b.splice(at, 0, int(256))
            break
          case 2:
            b.splice(at, 1)
            break
          case 3:
            b.length = at
            break
          case 4:
            b[at % b.length] = [0, 1, 10, 0x7f, 0x80, 0xff][int(6)]!
            break
          case 5:
            b[at % b.length]! ^= 1 << int(8)
            break
          default:
            b.splice(at, 0, ...b.slice(at, at + 1 + int(8)))
        }
      }
      return Uint8Array.from(b)
    }
    /** A structurally plausible update: few clients, small clocks, any info byte and content. */
    const random = (): Uint8Array =>
      v1((e) => {
        const clients = int(3)
        uint(e, clients)
        for (let c = 0; c < clients; c++) {
          const structs = 1 + int(3)
          const client = 5 + int(3)
          let clock = int(3)
          uint(e, structs)
          uint(e, client)
          uint(e, clock)
          for (let s = 0; s < structs; s++) {
            const ref = int(12)
            const info =
              ref | (next() < 0.4 ? 0x80 : 0) | (next() < 0.3 ? 0x40 : 0) | (int(2) * 0x20)
            encoding.writeUint8(e, info)
            if (ref === 0 || info === 10) {
              const len = int(3)
              uint(e, len)
              clock += len
              continue
            }
            const id = () => (uint(e, 5 + int(3)), uint(e, Math.max(0, clock + int(5) - 3)))
            if (info & 0x80) id()
            if (info & 0x40) id()
            if (!(info & 0xc0)) {
              if (next() < 0.5) {
                uint(e, 1)
                str(e, 'r')
              } else {
                uint(e, 0)
                id()
              }
              if (info & 0x20) str(e, 'k')
            }
            let len = 1
            if (ref === 1 || ref === 2 || ref === 8) {
              len = int(3)
              uint(e, len)
              for (let i = 0; i < len && ref !== 1; i++) {
                if (ref === 2) str(e, ['1', 'undefined', '{'][int(3)]!)
                else encoding.writeAny(e, [1, 'a', null, { x: [1] }][int(4)]!)
              }
            } else if (ref === 3) encoding.writeVarUint8Array(e, new Uint8Array(int(3)))
            else if (ref === 4) {
              const s = ['', 'a', '😀'][int(3)]!
              len = s.length
              str(e, s)
            } else if (ref === 5) str(e, ['{}', 'x'][int(2)]!)
            else if (ref === 6) {
              str(e, 'b')
              str(e, ['true', '{'][int(2)]!)
            } else if (ref === 7) {
              const t = int(8)
              uint(e, t)
              if (t === 3 || t === 5) str(e, 'p')
            } else if (ref === 9) {
              str(e, 'g')
              encoding.writeAny(e, [null, {}][int(2)]!)
            }
            clock += len
          }
        }
        const dsClients = int(3)
        uint(e, dsClients)
        for (let c = 0; c < dsClients; c++) {
          uint(e, 5 + int(3))
          const ranges = int(3)
          uint(e, ranges)
          for (let r = 0; r < ranges; r++) {
            uint(e, int(6))
            uint(e, int(3))
          }
        }
      })
    const tally = { both: 0, neither: 0, onlyNew: 0 }
    for (let i = 0; i < 20_000; i++) {
      const update = i % 2 === 0 ? mutate(pool[int(pool.length)]!) : random()
      const before = accepts(oracle, update)
      const now = accepts(checkUpdate, update)
      if (!before) {
        expect(now, `refused before, accepted now: ${Buffer.from(update).toString('hex')}`).toBe(
          false,
        )
      }
      if (before && now) tally.both++
      else if (!now && !before) tally.neither++
      else tally.onlyNew++
    }
    // Not vacuous: plenty of both; the few refused only now are the stricter rules above.
    expect(tally.both).toBeGreaterThan(2_000)
    expect(tally.neither).toBeGreaterThan(2_000)
    expect(tally.onlyNew).toBeLessThan(tally.both)
  })

  it('isEmptyUpdate recognises y-protocols’ "nothing to send"', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true)
    expect(isEmptyUpdate(valid.get('text insert')!)).toBe(false)
  })
})
