import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The built app's Content-Security-Policy: scripts and workers only from the app's own files
 * (no inline script, no eval), images also from data: and blob: URLs (legends, PNG export).
 * Inline style stays allowed: D3 and the SVG export set style attributes. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Build only: Vite's dev server injects inline scripts (React refresh) that it would block. */
const csp: Plugin = {
  name: 'faultline-csp',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  },
};

export default defineConfig({
  plugins: [react(), csp],
  // Relative URLs: the built site works from any folder (a course site's /course/faultline/).
  base: './',
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: 'es2022', sourcemap: true },
});
