import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w client` serves the app on :5173 and forwards GraphQL (HTTP and
// WebSocket) to the API on :4000; `vite build` writes dist/, which the API serves at /.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true, changeOrigin: true },
      '/healthz': { target: 'http://localhost:4000' },
      '/exports': { target: 'http://localhost:4000' },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
