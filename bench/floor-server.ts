/**
 * The floor for bench/relay.ts: a bare websocket broadcast. Every message is forwarded as is to
 * the other sockets on the same URL path — no Yjs, no storage, no auth. Whatever a real relay
 * costs beyond this is the price of what it does with the updates.
 *
 * Run: node --import tsx bench/floor-server.ts (env HOST, PORT).
 */
import { WebSocket, WebSocketServer } from 'ws'

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 1235)
const rooms = new Map<string, Set<WebSocket>>()

const wss = new WebSocketServer({ host, port, perMessageDeflate: false })

wss.on('connection', (ws, req) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  let peers = rooms.get(path)
  if (!peers) {
    peers = new Set()
    rooms.set(path, peers)
  }
  const room = peers
  room.add(ws)
  ws.on('message', (data: Buffer, isBinary) => {
    for (const peer of room) {
      if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary })
    }
  })
  const leave = (): void => {
    room.delete(ws)
    if (room.size === 0 && rooms.get(path) === room) rooms.delete(path)
  }
  ws.on('close', leave)
  ws.on('error', leave)
})

wss.on('listening', () => process.stdout.write(`floor listening on ${host}:${port}\n`))
