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
    rollupOptions: {
      output: {
        // The libraries every page needs in a few long-lived files, apart from each audience's pages.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|@tanstack)\//.test(id)) return 'react';
          // what every Ant Design component stands on; the components themselves load with the pages that use them
          if (/node_modules\/(antd\/es\/(_util|config-provider|theme|locale|style|version|form|button|grid|space|typography|locale-provider)|@ant-design\/(cssinjs|cssinjs-utils|colors|fast-color|react-slick)|@rc-component\/(util|motion|resize-observer|context)|rc-util|rc-motion|rc-resize-observer|classnames|dayjs|@babel\/runtime)\//.test(id)) return 'antd-base';
          if (/node_modules\/@ant-design\/icons/.test(id)) return 'icons';
          return undefined;
        },
      },
    },
  },
});
