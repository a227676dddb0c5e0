import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

function gzipSizeReport(): Plugin {
  return {
    name: 'hms-gzip-size-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const rows = Object.values(bundle)
        .filter((file) => file.type === 'chunk')
        .map((chunk) => ({ name: chunk.fileName, gzip: gzipSync(chunk.code).length }))
        .sort((a, b) => b.gzip - a.gzip);
      const total = rows.reduce((sum, row) => sum + row.gzip, 0);
      const width = Math.max(...rows.map((row) => row.name.length), 5);
      const lines = rows.map((row) => `  ${row.name.padEnd(width)}  ${(row.gzip / 1024).toFixed(1).padStart(7)} kB gzip`);
      console.log(`\nJS chunks (gzip):\n${lines.join('\n')}\n  ${'total'.padEnd(width)}  ${(total / 1024).toFixed(1).padStart(7)} kB gzip\n`);
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), gzipSizeReport()],
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
            { name: 'mantine', test: /node_modules[\\/]/, minShareCount: 2, priority: 1 },
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
