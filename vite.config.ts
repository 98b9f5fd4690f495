import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

export default defineConfig({
  plugins: [solid()],
  build: { target: 'es2022', sourcemap: false },
  server: { proxy: { '/sync': { target: 'ws://127.0.0.1:8080', ws: true } } },
})
