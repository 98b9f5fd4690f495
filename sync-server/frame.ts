import * as wsModule from 'ws'

/** ws's own framing (`Sender.frame`, public in ws but absent from its type definitions). */
const { Sender } = wsModule as unknown as {
  Sender: {
    frame(
      data: Buffer,
      options: { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean },
    ): Buffer[]
  }
}

const BINARY = 0x02

/**
 * A binary message as one websocket frame, built once for every member it goes to. ws frames
 * each send by itself (a header, then cork, two writes and a writev for every socket); a frame
 * from a server is never masked, so an update forwarded to nine members is the same bytes nine
 * times, and written whole it is one buffer, one write per socket.
 */
export const frameBinary = (message: Uint8Array): Buffer =>
  Buffer.concat(
    Sender.frame(Buffer.from(message.buffer, message.byteOffset, message.byteLength), {
      fin: true,
      rsv1: false,
      opcode: BINARY,
      mask: false,
      readOnly: true,
    }),
  )
