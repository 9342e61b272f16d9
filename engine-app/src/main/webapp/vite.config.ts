import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into the jar's static resources; `npm run dev` proxies the server's paths to a running app on 8080.
const backend = process.env.TONGBAN_BACKEND ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  // One Preact for the form-js viewer and editor (the editor ships an older nested copy): hooks of two copies in one
  // page break the preview ("Cannot read properties of undefined (reading 'context')").
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    // no inline scripts (CSP script-src 'self')
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/api', '/v3', '/swagger-ui', '/login', '/logout'].map((p) => [p, backend])),
  },
})
