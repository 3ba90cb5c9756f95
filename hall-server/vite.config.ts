import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The clerk console, a page of the hall-server's own (src/web/console), served under /console/.
export default defineConfig({
  root: 'src/web/console',
  base: './',
  plugins: [react()],
  build: { outDir: '../../../dist/console', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
