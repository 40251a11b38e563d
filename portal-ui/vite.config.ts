// Citizen portal and officer workspace. Built to portal-ui/dist, served by
// the server at `/`; `npm run dev:portal` proxies the API to a running server.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.MOTCUA_API ?? 'http://127.0.0.1:3000';

// The built portal runs React's API on preact/compat: react-dom alone would
// take half of the citizen pages' 150 KB budget. Development keeps React for
// its fast refresh; the end-to-end tests run the build.
const preactCompat = {
  react: 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
};

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    // RJSF only renders Markdown when a form asks for it, and motcua's forms
    // never do: keep the parser out of the citizen pages' budget.
    alias: {
      ...(command === 'build' ? preactCompat : {}),
      'markdown-to-jsx/react': fileURLToPath(
        new URL('./src/forms/plain-markdown.tsx', import.meta.url),
      ),
    },
    // RJSF and ajv each bring their own copy of these; one of each is enough.
    dedupe: ['fast-uri', 'ajv-formats'],
  },
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, target: 'es2020' },
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
}));
