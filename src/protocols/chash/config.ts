/**
 * Parameters and roles of the consistent-hashing protocol, resolved once from the scenario so
 * the machines' inputs, the invariants and the summary read the same numbers.
 */
import type { ParamSpec, ProtocolConfig } from '../types';

export type NodeId = string;

const intIn = (lo: number, hi: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? null : `must be a whole number from ${lo} to ${hi}`;
const wholeMs = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? null : 'must be a whole number of ms above 0');

export const chashParams: ParamSpec[] = [
  { name: 'vnodes', description: 'Virtual nodes (tokens) per server on the ring.', default: 8, check: intIn(1, 256) },
  { name: 'replicas', description: 'Replication factor R: a key lives on the next R distinct servers clockwise.', default: 3, check: intIn(1, 8) },
  { name: 'clients', description: 'How many nodes, counted from the end of the node list, are clients.', default: 1, check: intIn(0, 8) },
  {
    name: 'spares',
    description: 'How many servers, counted back from the last server, start outside the ring so that they can join. The first server always starts in it.',
    default: 1,
    check: intIn(0, 16),
  },
  {
    name: 'timeout',
    description: 'How long a server waits for replicas, a transfer or the seed before it retries or gives up, in ms.',
    default: 80,
    check: wholeMs,
  },
  { name: 'requestTimeout', description: 'How long a client waits for an answer before it tries the next replica, in ms.', default: 150, check: wholeMs },
];

export interface ChashConfig {
  servers: readonly NodeId[];
  clients: readonly NodeId[];
  /** Servers in the ring at the start; the rest of `servers` are spares. */
  initial: readonly NodeId[];
  /** The server that orders membership changes (the first node). */
  seed: NodeId;
  vnodes: number;
  replicas: number;
  timeout: number;
  requestTimeout: number;
  bugs: readonly string[];
}

export function param(cfg: Pick<ProtocolConfig, 'params'>, name: string): number {
  return (cfg.params[name] ?? chashParams.find((p) => p.name === name)!.default) as number;
}

/** Clients are the last `clients` nodes, but at least one node stays a server. */
export function resolveConfig(cfg: ProtocolConfig): ChashConfig {
  const n = cfg.nodes.length;
  const clientCount = Math.min(param(cfg, 'clients'), n - 1);
  const servers = cfg.nodes.slice(0, n - clientCount);
  const initialCount = Math.max(1, servers.length - param(cfg, 'spares'));
  return {
    servers,
    clients: cfg.nodes.slice(n - clientCount),
    initial: servers.slice(0, initialCount),
    seed: servers[0]!,
    vnodes: param(cfg, 'vnodes'),
    replicas: param(cfg, 'replicas'),
    timeout: param(cfg, 'timeout'),
    requestTimeout: param(cfg, 'requestTimeout'),
    bugs: cfg.params.bugs,
  };
}
