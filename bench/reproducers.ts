/**
 * Issue 10's reproducer shapes, as scenarios: N `begin`s at t=0 in 2PC, N gets in consistent
 * hashing, N requests to the Raft leader at one instant. Shared by the bench and the tests.
 */
import type { Scenario } from '../src/scenario/types';
import { twopc } from '../src/protocols/twopc';
import { chash } from '../src/protocols/chash';
import { raft } from '../src/protocols/raft';

/** A curated scenario's settings, without its script and its words. */
function curated(list: readonly Scenario[], name: string): Scenario {
  const { title: _t, description: _d, ...rest } = structuredClone(list.find((s) => s.name === name)!);
  return rest;
}

export function twopcBegins(n: number): Scenario {
  const base = curated(twopc.scenarios, 'happy-commit');
  return { ...base, name: `begins-${n}`, actions: Array.from({ length: n }, () => ({ at: 0, do: 'begin', node: 'n1', tx: '' })), until: 2000 };
}

export function chashGets(n: number): Scenario {
  const base = curated(chash.scenarios, 'put-get');
  const client = base.nodes.at(-1)!;
  return { ...base, name: `gets-${n}`, actions: Array.from({ length: n }, (_, i) => ({ at: 0, do: 'get', node: client, key: `k${i % 50}` })), until: 2000 };
}

export function raftRequests(n: number): Scenario {
  const base = curated(raft.scenarios, 'happy-path');
  return {
    ...base,
    name: `requests-${n}`,
    // No scripted timeout: n1's election timer (seed 1) makes it the leader well before
    // t=1000, and N requests stay within the 10,000-action cap.
    actions: Array.from({ length: n }, (_, i) => ({ at: 1000, do: 'request', node: 'n1', command: `x=${i}` })),
    until: 3000,
  };
}
