/** A tiny static server for browser tests that need a page of their own on another origin or
 * a built site under a sub-path. It records every request it could not answer. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface Served {
  server: Server;
  missing: string[];
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML) and, under `prefix`, the files of `dir`. */
export async function serve(port: number, opts: { pages?: Record<string, string>; dir?: string; prefix?: string }): Promise<Served> {
  const missing: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const page = opts.pages?.[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(page);
      return;
    }
    const prefix = opts.prefix ?? '/';
    if (opts.dir && path.startsWith(prefix)) {
      const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
      const file = join(opts.dir, rel.endsWith('/') ? `${rel}index.html` : rel);
      readFile(file).then(
        (body) => {
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          res.end(body);
        },
        () => {
          missing.push(path);
          res.writeHead(404).end();
        },
      );
      return;
    }
    missing.push(path);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, missing, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
