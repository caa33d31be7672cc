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
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The first load (issue 17): every module the entry imports statically goes into one
        // chunk (React in another, which changes less often), not the ~30 small shared chunks
        // the automatic split makes. One file compresses better than thirty and needs no
        // import lists between them. What loads on demand is split as before; it imports this
        // chunk, so main.tsx, bundled into it, has no top-level await (it would deadlock them).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'], priority: 2 },
            // XState's index re-exports what only the protocols' machines use (setup, assign, the
            // StateMachine class): reachable from the entry, so neither it nor its modules are
            // captured (no dependencies pulled in); the automatic split leaves them to the protocols.
            { name: 'shell', tags: ['$initial'], test: (id) => !/[\\/]xstate[\\/]dist[\\/](?!raise-)/.test(id), includeDependenciesRecursively: false, priority: 1 },
          ],
        },
      },
    },
  },
});
