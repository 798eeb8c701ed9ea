import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The domain lives in functions/src/domain and is shared, not copied: one source of truth.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../functions/src/domain/index.ts', import.meta.url)),
      '@functions': fileURLToPath(new URL('../functions/src', import.meta.url)),
      // Firestore's pipelines (unused here) are the only importer of re2js: see the stand-in.
      re2js: fileURLToPath(new URL('./src/backend/firebase/re2jsStandIn.ts', import.meta.url)),
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { sourcemap: true },
});
