/**
 * A Web Worker of the "Find a bug" panel: runs explorer batches and shrinks counterexamples
 * for the protocol named in its first message, off the page's thread.
 */
import { getProtocol } from '../protocols/registry';
import { executeRun } from '../check/explorer/run';
import { serveRuns, type ShrinkReply, type ShrinkRequest, type WorkerReply, type WorkerRequest } from '../check/explorer/pool';
import { shrink } from '../check/explorer/shrink';
import type { ProtocolModule } from '../protocols/types';

export type ExplorerWorkerRequest = { type: 'init'; protocol: string } | WorkerRequest | ShrinkRequest;
export type ExplorerWorkerReply = WorkerReply | ShrinkReply;

const ctx = self as unknown as { onmessage: ((e: MessageEvent<ExplorerWorkerRequest>) => void) | null; postMessage(m: ExplorerWorkerReply): void };
let module: ProtocolModule | undefined;
let serve: ((m: WorkerRequest) => WorkerReply) | undefined;

ctx.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') {
    module = getProtocol(m.protocol);
    const mod = module!;
    serve = serveRuns((spec, known) => executeRun(mod, spec, known));
  } else if (m.type === 'run') {
    ctx.postMessage(serve ? serve(m) : { type: 'error', id: m.id, message: 'worker not initialised' });
  } else if (m.type === 'shrink' && module) {
    const r = shrink(module, m.scenario, m.invariant, {
      ...(m.budget ? { budget: m.budget } : {}),
      onStep: (step, s, runs) => ctx.postMessage({ type: 'shrinkStep', id: m.id, step, actions: s.actions.length, runs }),
      // Runs so far, every 10th run: the panel shows that shrinking moves on within a step.
      onRun: (p) => p.runs % 10 === 0 && ctx.postMessage({ type: 'shrinkStep', id: m.id, ...p }),
    });
    ctx.postMessage({ type: 'shrunk', id: m.id, scenario: r.scenario, runs: r.runs, from: r.from, confirmed: r.confirmed, ...(r.message !== undefined ? { message: r.message } : {}) });
  }
};
