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
    rolldownOptions: {
      output: {
        // Libraries in their own long-cached chunks: a new release of the app
        // re-downloads only the app's code. Charts (@mui/x-*) stay with the pages using them.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/](@mui[\\/](?!x-)|@emotion|@popperjs|react-transition-group)/, priority: 20 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism|@graphql-typed-document-node)/, priority: 20 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|luxon)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
