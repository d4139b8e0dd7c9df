/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const hub = process.env.HUB_URL ?? 'http://127.0.0.1:8123'

export default defineConfig({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
  },
  server: {
    proxy: {
      '/api': hub,
      '/socket.io': { target: hub, ws: true },
    },
  },
  build: { target: 'es2020', chunkSizeWarningLimit: 450 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
})
