import { defineConfig } from 'vite'

/**
 * The relay's production build: `vite build --config sync-server/vite.config.ts` (part of
 * `npm run build`) bundles the relay and the admin CLI into dist/relay/, which `npm start`
 * runs with plain node — no TypeScript loader in the process (tsx cost ~35 MiB of RSS and
 * compiles every module at start-up). better-sqlite3 stays external (a native addon).
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist/relay',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { main: 'sync-server/main.ts', admin: 'sync-server/admin.ts' },
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
  ssr: { target: 'node', noExternal: true, external: ['better-sqlite3'] },
})
