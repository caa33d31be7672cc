import type { ProtocolModule } from './types';
import { raft } from './raft';
import { twopc } from './twopc';
import { threepc } from './threepc';
import { chash } from './chash';
import { paxos } from './paxos';
import { zab } from './zab';
import { lock } from './lock';
import { multipaxos } from './multipaxos';
import { markLoaded } from './loader';

/** Every protocol, by id. Adding a protocol adds one line here. */
export const protocols: ReadonlyMap<string, ProtocolModule> = new Map(
  [raft, twopc, threepc, chash, paxos, zab, lock, multipaxos].map((p) => [p.id, p] as const),
);

// Imported eagerly (CLI, tests, workers): the on-demand loader need not fetch them again.
markLoaded(protocols.values());

export function getProtocol(id: string): ProtocolModule | undefined {
  return protocols.get(id);
}
