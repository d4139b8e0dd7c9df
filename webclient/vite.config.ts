/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const hub = process.env.HUB_URL ?? 'http://127.0.0.1:8123'

export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/api': hub,
      '/socket.io': { target: hub, ws: true },
    },
  },
  build: { target: 'es2020', chunkSizeWarningLimit: 400 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
})
