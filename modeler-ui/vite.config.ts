// Analysts' BPMN modeler. Built to modeler-ui/dist, served by the server at
// `/modeler/`; `npm run dev:modeler` proxies the API to a running server.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.MOTCUA_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/modeler/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, target: 'es2020' },
  server: {
    // The form preview imports the portal's form renderer from ../portal-ui.
    fs: { allow: ['..'] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
