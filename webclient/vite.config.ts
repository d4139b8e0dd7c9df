/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const hub = process.env.HUB_URL ?? 'http://127.0.0.1:8123'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components (<ElDialog>, <el-table>…) are imported where a template uses them, with their CSS,
    // so the bundle carries only what is used. src/components.d.ts (generated, checked in) types them.
    Components({ dirs: [], dts: 'src/components.d.ts', resolvers: [ElementPlusResolver({ importStyle: 'css' })] }),
  ],
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
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 450,
    // The public /query page is its own small entry (src/query/): no session, no workspace bundle.
    rollupOptions: { input: { main: 'index.html', query: 'query.html' } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // Element Plus components import their CSS: let Vite transform the package in tests too, so a view that
    // uses them (the workspace's dialogs) loads under vitest as it does in the browser.
    server: { deps: { inline: ['element-plus'] } },
  },
})
