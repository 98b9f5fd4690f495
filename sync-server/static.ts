import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** The folder of the built PWA that holds the relay's bundle (sync-server/vite.config.ts). */
const RELAY_BUNDLE_DIR = 'relay'

/** Headers on every response: no framing, no sniffing, no referrer (tokens travel in URLs). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/**
 * Serves the built PWA. Hashed assets are cached for a year; everything else (index.html, the
 * service worker, the manifest) is revalidated so an update reaches devices. Unknown paths
 * without an extension get index.html so client-side routes survive a reload.
 */
export const serveStatic = (
  root: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  let file = path.normalize(path.join(root, pathname))
  if (!file.startsWith(root)) {
    res.writeHead(400).end()
    return
  }
  // `npm run build` puts the relay's own bundle next to the PWA (dist/relay): not for browsers.
  if (file.startsWith(path.join(root, RELAY_BUNDLE_DIR) + path.sep)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
    return
  }
  if (pathname.endsWith('/')) file = path.join(file, 'index.html')
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    if (path.extname(pathname) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    file = path.join(root, 'index.html')
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('app not built')
      return
    }
  }
  const immutable = pathname.startsWith('/assets/')
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  fs.createReadStream(file).pipe(res)
}
