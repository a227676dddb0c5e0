import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { routeSizes } from './scripts/route-sizes.ts';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    // A patient books from a phone on a hospital's guest Wi-Fi: the booking page must stay light.
    routeSizes(webRoot, [{ route: '/app/book', modules: ['src/features/app/AppLayout.tsx', 'src/features/scheduling/book/BookPage.tsx'], maxKb: 200 }]),
  ],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 3 },
            { name: 'query', test: /node_modules[\\/](@tanstack|openapi-fetch)[\\/]/, priority: 2 },
            // Only what many pages share: a component a few admin pages use stays with them, out of the booking page's load.
            { name: 'mantine', test: /node_modules[\\/]/, minShareCount: 8, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
