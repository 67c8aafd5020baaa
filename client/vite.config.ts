import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './build/graphql-documents.ts';
import { precompress } from './build/precompress.ts';

// `npm run dev -w client` serves the app on :5173 and forwards GraphQL (HTTP and
// WebSocket) to the API on :4000; `vite build` writes dist/, which the API serves at /.
export default defineConfig({
  plugins: [react(), graphqlDocuments(path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'src')), precompress()],
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
        // React and Apollo (every page needs them) in their own long-cached chunks, so a new
        // release re-downloads only the app's code. MUI is left to the bundler: each page's
        // chunk shares only the components it uses, so sign-in does not download the data grids' icons.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism|@graphql-typed-document-node)/, priority: 20 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
