import type { ProtocolModule } from './types';
import { raft } from './raft';

/** Every protocol, by id. Adding a protocol adds one line here. */
export const protocols: ReadonlyMap<string, ProtocolModule> = new Map(
  [raft].map((p) => [p.id, p] as const),
);

export function getProtocol(id: string): ProtocolModule | undefined {
  return protocols.get(id);
}
