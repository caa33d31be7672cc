/** A built app served by `vite preview` and a headless Chromium page on it, for the browser benches. */
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';

export { chromiumPath };

export interface Preview {
  browser: Browser;
  page: Page;
  /** Closes the browser and stops the server (its process group: killing npx alone leaves vite running). */
  close(): Promise<void>;
}

export async function openPreview(root: string, outDir: string, port: number, executablePath: string | undefined): Promise<Preview> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const close = async () => {
    await browser.close();
    // Already gone (it failed to start, say): the error that matters is the caller's.
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      /* nothing left to stop */
    }
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return { browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
