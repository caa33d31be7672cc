/** Runs the scale computation in a Web Worker: progress, a result, and a cancel that
 * terminates the worker at once. The main thread only receives messages. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScaleInput, ScaleProgress, ScaleResult } from './scale';
import type { FromWorker, ToWorker } from './scale.worker';

export type ScaleState =
  | { status: 'idle' }
  | { status: 'running'; input: ScaleInput; progress: ScaleProgress; startedAt: number }
  | { status: 'done'; result: ScaleResult; wallMs: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export function useScale() {
  const [state, setState] = useState<ScaleState>({ status: 'idle' });
  // The last result stays on screen while a new run computes or after a cancel.
  const [result, setResult] = useState<ScaleResult | null>(null);
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  const run = useCallback(
    (input: ScaleInput) => {
      stop();
      const w = new Worker(new URL('./scale.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      const startedAt = performance.now();
      setState({ status: 'running', input, progress: { done: 0, phase: 'keys' }, startedAt });
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (worker.current !== w) return;
        const msg = e.data;
        if (msg.type === 'progress') setState({ status: 'running', input, progress: { done: msg.done, phase: msg.phase }, startedAt });
        else {
          stop();
          if (msg.type === 'done') {
            setResult(msg.result);
            setState({ status: 'done', result: msg.result, wallMs: performance.now() - startedAt });
          } else setState({ status: 'error', message: msg.message });
        }
      };
      w.onerror = (e) => {
        if (worker.current !== w) return;
        stop();
        setState({ status: 'error', message: e.message || 'worker failed' });
      };
      w.postMessage({ type: 'run', input } satisfies ToWorker);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  useEffect(() => stop, [stop]);
  return { state, result, run, cancel };
}
