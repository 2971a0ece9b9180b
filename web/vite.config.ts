import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The agent web app. `npm run build:web` writes web/dist, which `sportello start` serves. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': `http://127.0.0.1:${process.env.SPORTELLO_API_PORT ?? '3000'}` },
  },
});
