/** A worker thread of `faultline explore`: runs the explorer's batches for one protocol. */
import { parentPort, workerData } from 'node:worker_threads';
import { getProtocol } from '../protocols/registry';
import { executeRun } from '../check/explorer/run';
import { serveRuns, type WorkerRequest } from '../check/explorer/pool';

const module = getProtocol((workerData as { protocol: string }).protocol)!;
const serve = serveRuns((spec, known) => executeRun(module, spec, known));
parentPort!.on('message', (msg: WorkerRequest) => parentPort!.postMessage(serve(msg)));
