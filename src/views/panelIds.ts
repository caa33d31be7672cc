/**
 * Which panels a protocol gets: the ones its view hints name, plus the client history for every
 * protocol that records one (the `clientHistory` hook), as every such protocol also gets the
 * live linearizability check (check/linearizability/invariant.ts). A protocol need not name
 * 'history' to have its clients shown.
 */
import type { ProtocolModule } from '../protocols/types';

export function panelIds(module: Pick<ProtocolModule, 'view' | 'clientHistory'>): readonly string[] {
  const ids = module.view.panels;
  return module.clientHistory && !ids.includes('history') ? [...ids, 'history'] : ids;
}
