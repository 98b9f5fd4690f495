import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import solid from 'vite-plugin-solid'

/** The header colour in src/ui/styles.css (--brand) and the page background (--bg). */
const THEME_COLOR = '#1d4f73'
const BACKGROUND_COLOR = '#f6f7f4'

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // The app asks before reloading (a worker may be mid-edit) and registers the worker itself
      // from src/ui/components/update-prompt.tsx.
      registerType: 'prompt',
      injectRegister: null,
      // The manifest and its icons are precached by the plugin; this adds the iOS icon.
      includeAssets: ['apple-touch-icon.png'],
      manifest: {
        name: 'Mosty',
        short_name: 'Mosty',
        description:
          'Wspólne dokumenty instytucji pomagających rodzinie — działają także bez internetu.',
        lang: 'pl',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        id: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['productivity', 'social'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The whole shell, every lazily loaded screen included, so a device that has opened the
        // app once can open any screen after days without a network.
        globPatterns: ['**/*.{js,css,html,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//, /^\/healthz/, /^\/metrics/],
        // No runtime caching: documents live in IndexedDB, and /api answers must be fresh.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // A first visit is controlled at once, so screens loaded later in that session also come
        // from the precache. Updates still wait for the person to press "Reload".
        clientsClaim: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  server: { proxy: { '/sync': { target: 'ws://127.0.0.1:8080', ws: true } } },
})
