import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/compress.ts';

const webDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webDir,
  plugins: [react(), precompress()],
  resolve: {
    // Only types are imported from the server; the alias keeps editors and tools agreeing with tsconfig.
    alias: { '@server': fileURLToPath(new URL('../server/src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // ECharts' core with one chart and the SVG renderer is about 500 kB minified (170 kB gzipped); it is
    // its own chunk, loaded only by pages that draw charts.
    chunkSizeWarningLimit: 600,
  },
});
