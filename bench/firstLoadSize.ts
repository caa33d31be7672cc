/**
 * First-load JavaScript: the scripts and module preloads that a built index.html loads before
 * anything else, gzipped at level 9 (issue 17's target: at most FIRST_LOAD_BUDGET). Shared by the
 * bench (browser.ts, firstLoadModules.ts) and the test that holds the target
 * (firstLoad.test.ts), so that all three count the same files the same way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** Issue 17: first-load JS ≤ 150 KB gzipped. */
export const FIRST_LOAD_BUDGET = 150 * 1024;

/** The first-load scripts, as paths under the build folder (`assets/…js`), each once. */
export function firstLoadScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return [...new Set([...html.matchAll(/(?:src|href)="\.?\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!))];
}

export const gzipSize = (body: string | Buffer): number => gzipSync(body, { level: 9 }).length;

/** Their sizes, raw and gzipped (each file alone, as a server sends it). */
export function firstLoadBytes(dir: string): { raw: number; gzip: number; files: number } {
  const scripts = firstLoadScripts(dir);
  let raw = 0;
  let gzip = 0;
  for (const script of scripts) {
    const body = readFileSync(join(dir, script));
    raw += body.length;
    gzip += gzipSize(body);
  }
  return { raw, gzip, files: scripts.length };
}

/** The files a built script imports statically (`assets/…js`), from its minified import lists. */
export function staticImports(dir: string, script: string): string[] {
  const code = readFileSync(join(dir, script), 'utf8');
  return [...code.matchAll(/\bimport\s*(?:[\w{}$,\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => `assets/${m[1]!}`);
}

/** The scripts and every file they import statically, transitively: what a dynamic import of
 * them fetches before it runs. */
export function withStaticImports(dir: string, scripts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...scripts];
  while (todo.length > 0) {
    const script = todo.pop()!;
    if (seen.has(script)) continue;
    seen.add(script);
    todo.push(...staticImports(dir, script));
  }
  return seen;
}

/** Everything else: the chunks that load on demand (panels, dialogs, the scale worker). */
export function onDemandBytes(dir: string, first: number): { gzip: number; files: number } {
  const js = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const gzip = js.reduce((sum, f) => sum + gzipSize(readFileSync(join(dir, 'assets', f))), 0);
  return { gzip: gzip - first, files: js.length };
}
