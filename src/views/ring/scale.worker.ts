/**
 * The scale computation off the main thread. One run per worker: the page terminates the
 * worker to cancel, which stops even the middle of a placement loop.
 */
import { computeScale, type ScaleInput, type ScaleProgress, type ScaleResult } from './scale';

export type ToWorker = { type: 'run'; input: ScaleInput };
export type FromWorker = ({ type: 'progress' } & ScaleProgress) | { type: 'done'; result: ScaleResult } | { type: 'error'; message: string };

const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, { transfer });

self.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    const result = computeScale(e.data.input, { now: () => performance.now(), progress: (p) => post({ type: 'progress', ...p }), fullJoin: true });
    const buffers = [result.keyBins, result.ownerBins, result.tokenBins, result.joinTokens, ...result.schemes.flatMap((s) => [s.loads, s.movedBins])].map((a) => a.buffer);
    post({ type: 'done', result }, buffers);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
