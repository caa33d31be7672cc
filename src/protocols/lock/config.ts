/**
 * Parameters, bug switches and roles of the lock service, resolved once from the scenario so
 * the machines' inputs, the invariants and the views read the same numbers. Times are
 * simulated ms: Chubby's 12 s lease, 45 s grace and 60 s lock-delay (§2.4, §2.8) scaled down
 * so that a fail-over fits on screen.
 */
import type { ParamSpec, ProtocolConfig } from '../types';

export type NodeId = string;
export type Mode = 'chubby' | 'redis';

export const BUGS = {
  storageIgnoresTokens: 'storage-ignores-tokens',
  noLeaseExtension: 'no-lease-extension',
  leaseFromReply: 'lease-from-reply',
  volatileGeneration: 'volatile-generation',
  ignoreJeopardy: 'ignore-jeopardy',
} as const;

const intIn = (lo: number, hi: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? null : `must be a whole number from ${lo} to ${hi}`;
const ms = (lo: number) => (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= lo ? null : `must be a whole number of ms, at least ${lo}`);

export const lockParams: ParamSpec[] = [
  { name: 'mode', description: '"chubby": a lock cell with sessions, leases and sequencers. "redis": one server with SET NX and a TTL, no sessions and no tokens.', default: 'chubby', check: (v) => (v === 'chubby' || v === 'redis' ? null : 'must be "chubby" or "redis"') },
  { name: 'cells', description: 'How many nodes after the first (the database) are cell nodes that can be master. Redis mode has one server instead.', default: 2, check: intIn(1, 5) },
  { name: 'lease', description: 'Session lease the master grants with each KeepAlive reply (Chubby: 12 s), and the Redis TTL, in ms.', default: 1000, check: ms(50) },
  { name: 'keepAlive', description: 'How often a client sends a KeepAlive, in ms.', default: 250, check: ms(10) },
  { name: 'grace', description: 'Grace period a client in jeopardy waits for the master before its session expires (Chubby: 45 s), in ms.', default: 1500, check: ms(0) },
  { name: 'lockDelay', description: 'How long a lock whose holder’s session expired stays unclaimable (Chubby: up to 60 s), in ms.', default: 300, check: ms(0) },
  { name: 'rho', description: 'Assumed bound on how much faster the master’s clock may run than a client’s; the client divides its lease by it.', default: 1.1, check: (v) => (typeof v === 'number' && v >= 1 && v <= 4 ? null : 'must be a number from 1 to 4') },
  { name: 'masterLease', description: 'Master lease the database grants a master (no other master is elected while it runs), in ms.', default: 300, check: ms(20) },
  { name: 'campaign', description: 'How often a cell node that is not master asks the database to be elected, in ms.', default: 100, check: ms(10) },
  { name: 'work', description: 'Time a client spends between checking its lock and sending the write (where a GC pause strikes), in ms.', default: 40, check: ms(0) },
  { name: 'retry', description: 'How often a client retries an Acquire or a session request that got no grant, in ms.', default: 150, check: ms(10) },
];

export interface LockConfig {
  mode: Mode;
  /** The cell's database (Chubby) or the Redis server. */
  server: NodeId;
  cells: readonly NodeId[];
  clients: readonly NodeId[];
  storage: NodeId;
  lease: number;
  keepAlive: number;
  grace: number;
  lockDelay: number;
  rho: number;
  masterLease: number;
  campaign: number;
  work: number;
  retry: number;
  bugs: readonly string[];
}

export function param<T = number>(cfg: Pick<ProtocolConfig, 'params'>, name: string): T {
  return (cfg.params[name] ?? lockParams.find((p) => p.name === name)!.default) as T;
}

/**
 * Chubby: the first node is the cell's database, the next `cells` are cell nodes, the last is
 * the storage service and the rest are clients. Redis: the first is the Redis server, the last
 * the storage, the rest clients. At least one client always remains.
 */
export function resolveConfig(cfg: ProtocolConfig): LockConfig {
  const nodes = cfg.nodes;
  const mode = param<Mode>(cfg, 'mode');
  const cellCount = mode === 'redis' ? 0 : Math.max(1, Math.min(param(cfg, 'cells'), nodes.length - 3));
  return {
    mode,
    server: nodes[0]!,
    cells: nodes.slice(1, 1 + cellCount),
    clients: nodes.slice(1 + cellCount, nodes.length - 1),
    storage: nodes[nodes.length - 1]!,
    lease: param(cfg, 'lease'),
    keepAlive: param(cfg, 'keepAlive'),
    grace: param(cfg, 'grace'),
    lockDelay: param(cfg, 'lockDelay'),
    rho: param(cfg, 'rho'),
    masterLease: param(cfg, 'masterLease'),
    campaign: param(cfg, 'campaign'),
    work: param(cfg, 'work'),
    retry: param(cfg, 'retry'),
    bugs: cfg.params.bugs,
  };
}

export type Role = 'db' | 'cell' | 'client' | 'storage' | 'redis' | 'redis-client';

export function rolesOf(c: LockConfig): Record<NodeId, Role> {
  const out: Record<NodeId, Role> = { [c.server]: c.mode === 'redis' ? 'redis' : 'db', [c.storage]: 'storage' };
  for (const n of c.cells) out[n] = 'cell';
  for (const n of c.clients) out[n] = c.mode === 'redis' ? 'redis-client' : 'client';
  return out;
}
