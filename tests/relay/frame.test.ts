/**
 * A forwarded update is framed once for all its recipients (sync-server/frame.ts): the bytes must
 * be exactly those ws writes when it sends the message itself, for every size class of the
 * websocket length field (7-bit, 16-bit, 64-bit).
 */
import * as wsModule from 'ws'
import { describe, expect, it } from 'vitest'
import { frameBinary } from '../../sync-server/frame.ts'

type SenderLike = new (socket: unknown) => {
  send(data: Buffer, options: { binary: boolean; fin: boolean; compress: boolean }): void
}
const { Sender } = wsModule as unknown as { Sender: SenderLike }

/** The bytes ws's own Sender writes to its socket for one binary message. */
const wsWrites = (message: Buffer): Buffer => {
  const chunks: Buffer[] = []
  const socket = {
    cork: () => undefined,
    uncork: () => undefined,
    write: (chunk: Buffer, cb?: () => void) => {
      chunks.push(Buffer.from(chunk))
      cb?.()
      return true
    },
  }
  new Sender(socket).send(message, { binary: true, fin: true, compress: false })
  return Buffer.concat(chunks)
}

describe('relay: a message framed once for several members', () => {
  it.each([1, 125, 126, 65_535, 65_536, 1 << 20])('R7: is what ws writes, %i bytes', (size) => {
    const message = Buffer.alloc(size, 0xa7)
    message[0] = 0 // a sync message, as the relay forwards
    const view = new Uint8Array(message.buffer, message.byteOffset, message.byteLength)
    expect(frameBinary(view).equals(wsWrites(message))).toBe(true)
  })
})
