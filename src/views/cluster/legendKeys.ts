/**
 * What the cluster view's key names (Legend.tsx): the message types this run can send, the role
 * letters drawn, and whether election timers have been seen. Kept out of ClusterView so that
 * compare mode can gather both panes' keys into one shared legend (compare/CompareLegend.tsx).
 */
import { useRef } from 'react';
import type { Frame } from '../../store/frame';
import type { SessionState } from '../../store/sessionState';
import { nodeFacts, roleLetter } from './labels';
import { MESSAGE_TYPES } from './messageTypes';

const ELECTION_TIMER = 'electionTimeout';

export interface LegendKeys {
  /** Space-separated message types, in the protocol's order. */
  families: string;
  /** Space-separated `letter:role` pairs. */
  roles: string;
  timer: boolean;
  locks: boolean;
  /** Whether the run has sent any message yet (the heartbeat switch shows from then). */
  sent: boolean;
}

/** The key for this frame of this run: grows, never flickers (a key that grew as types appeared
 * reflowed and shrank the drawing mid-run). */
export function useLegendKeys(frame: Frame, sim: SessionState['sim'], module: SessionState['module']): LegendKeys {
  // Every type the run has sent so far, read incrementally from the recorded events, so the
  // legend names them all (not only the ones in flight at the cursor).
  const seen = useRef({ sim, families: new Set<string>(), election: false, read: 0 });
  if (seen.current.sim !== sim) seen.current = { sim, families: new Set(), election: false, read: 0 };
  for (const f of frame.inFlight) seen.current.families.add(f.message.type);
  for (let i = seen.current.read; i < sim.events.length; i++) for (const m of sim.events[i]!.sent ?? []) seen.current.families.add(m.type);
  seen.current.read = sim.events.length;
  const txHints = module.view.transactions;
  // The letters drawn in the nodes, with the roles they stand for ("C" is a candidate in Raft, a
  // coordinator in 2PC, a client in chash).
  const roles = [...new Set(frame.nodes.map((n) => nodeFacts(n, txHints).role))]
    .map((role) => `${roleLetter(role, module.view.roleGlyphs)}:${role}`)
    .sort()
    .join(' ');
  // The protocol's declared types, all of them from the first frame in the order it introduces
  // them (a request before its reply), narrowed to those this run's parameters can send (the
  // lock service's Redis mode sends none of the cell's). Types it does not declare follow.
  const all = MESSAGE_TYPES[module.id] ?? [];
  const can = module.view.messageTypes?.(sim.scenario.params);
  const declared = can ? all.filter((f) => can.includes(f)) : all;
  const families = [...declared, ...[...seen.current.families].filter((f) => !declared.includes(f)).sort()].join(' ');
  // Election timers, once one has been seen in this run.
  if (!seen.current.election) seen.current.election = frame.nodes.some((n) => n.timers.some((x) => x.name === ELECTION_TIMER));
  return { families, roles, timer: seen.current.election, locks: !!txHints, sent: seen.current.families.size > 0 };
}
