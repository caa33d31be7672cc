/** The cast of the run on screen (who proposes, accepts, learns), or null for another protocol. */
import { useMemo } from 'react';
import { castFor, type Cast } from '../../protocols/paxos/config';
import { useSession } from '../session';

export function usePaxosCast(): Cast | null {
  const scenario = useSession((s) => s.sim.scenario);
  const id = useSession((s) => s.module.id);
  const nodes = scenario.nodes;
  const params = scenario.params;
  return useMemo(() => (id === 'paxos' ? castFor({ nodes, params }) : null), [id, nodes, params]);
}
