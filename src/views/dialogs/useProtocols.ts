/**
 * Every protocol, for the menus that list them all (scenarios, settings, compare). Protocols
 * load on demand (issue 17); a menu suspends until all are loaded, which happens once.
 */
import { use } from 'react';
import type { ProtocolModule } from '../../protocols/types';
import { loadAllProtocols } from '../../store/protocolLoad';

let all: Promise<ReadonlyMap<string, ProtocolModule>> | null = null;

export function useAllProtocols(): ReadonlyMap<string, ProtocolModule> {
  if (!all) {
    all = loadAllProtocols();
    // A failed fetch (offline) is tried again the next time a menu opens.
    all.catch(() => (all = null));
  }
  return use(all);
}
