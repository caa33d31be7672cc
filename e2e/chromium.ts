/** Which Chromium the browser tests and the browser benches launch, and how. */
import { execFileSync } from 'node:child_process';

/** CHROMIUM_PATH, else the `chromium` on the PATH (Debian's package), else none (Playwright's own). */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Debian's Chromium in a container needs these (no sandbox, no background fetches, no GPU). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu'];
