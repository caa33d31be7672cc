/**
 * Curated lock-service scenarios (protocols.md §4.7): the happy path, Kleppmann's GC pause
 * with and without fencing and under a Redis lock, fail-over inside and past the grace period,
 * clock skew beyond the bound, and one scenario per bug switch. Outcomes are asserted in
 * scenarios.test.ts and explained in docs/protocols/lock.md. db is the cell's database, m1 and
 * m2 its cell nodes, c1 and c2 clients, store the storage service. Every link takes 10 ms
 * unless a scenario says otherwise, so each script's timing is exact.
 */
import type { Action, Scenario } from '../../scenario/types';
import { BUGS } from './config';

const NODES = ['db', 'm1', 'm2', 'c1', 'c2', 'store'];

function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return { format: 'faultline-scenario', version: 2, protocol: 'lock', nodes: NODES, seed: 1, params: { bugs: [] }, network: { latency: [10, 10], drop: 0, duplicate: 0 }, schedule: 'auto', ...s };
}

const acquire = (at: number, node: string): Action => ({ at, do: 'acquire', node, lock: 'L' });
const write = (at: number, node: string, value: string): Action => ({ at, do: 'write', node, lock: 'L', value });
const release = (at: number, node: string): Action => ({ at, do: 'release', node, lock: 'L' });

export const happy = scenario({
  name: 'happy',
  title: 'Lock, write, unlock',
  description: 'c1 opens a session, acquires L with sequencer 1, writes with token 1 and releases. c2 then acquires L with sequencer 2 and writes with token 2. Storage accepts tokens 1 then 2.',
  actions: [acquire(300, 'c1'), write(400, 'c1', 'a'), release(500, 'c1'), acquire(600, 'c2'), write(700, 'c2', 'b'), release(800, 'c2')],
  until: 1000,
});

/** Kleppmann's diagram: c1 checks its lock and pauses (GC) before its write leaves. */
const pauseScript: Action[] = [acquire(300, 'c1'), write(400, 'c1', 'a'), { at: 410, do: 'pause', node: 'c1' }, acquire(1000, 'c2'), write(1900, 'c2', 'b'), { at: 2100, do: 'resume', node: 'c1' }];
const PAUSE_TEXT =
  'c1 holds L (sequencer 1), checks it and starts its write, then stops for a GC pause at 410 ms. Its session expires on the master at about 1420 ms and, after the lock-delay, c2 gets L with sequencer 2 and writes. At 2100 ms c1 resumes and its write with token 1 leaves at once: it checked its lock before the pause.';

export const gcPauseNoFencing = scenario({
  name: `${BUGS.storageIgnoresTokens}-bug`,
  title: 'A GC pause past the lease: without fencing (left) and with it (right)',
  description: `${PAUSE_TEXT} Left, storage ignores tokens and accepts the stale write after c2's: two writers corrupted the data (“{inv:storage-mutex}”). Right, storage rejects token 1 after token 2. Lease belief holds on both sides: c1 believed nothing while it was paused.`,
  params: { bugs: [BUGS.storageIgnoresTokens] },
  actions: pauseScript,
  until: 2500,
  compare: { protocol: 'lock', params: { bugs: [] } },
});

export const gcPauseFenced = scenario({
  name: 'gc-pause-fenced',
  title: 'A GC pause past the lease, with fencing tokens',
  description: `${PAUSE_TEXT} Storage has seen token 2, so it rejects token 1: the stale write is lost, the data is safe.`,
  actions: pauseScript,
  until: 2500,
});

export const redisPause = scenario({
  name: 'redis-gc-pause',
  title: 'The same GC pause under a Redis SET NX lock',
  description:
    'A textbook flaw shown without a bug switch. c1 takes L with SET NX and a 1000 ms TTL, starts its write and pauses. The key expires on its own, c2 takes L and writes, and c1 resumes and writes too. There is no token, so storage cannot tell the writes apart: “{inv:storage-mutex}” breaks.',
  nodes: ['redis', 'c1', 'c2', 'store'],
  params: { bugs: [], mode: 'redis' },
  actions: pauseScript,
  until: 2500,
});

export const failoverInGrace = scenario({
  name: 'failover-in-grace',
  title: 'Master fail-over inside the grace period: the holder keeps its lock',
  description:
    'c1 holds L (sequencer 1). At 600 ms both cell nodes crash, so no master answers. c1’s local lease runs out at about 1350 ms: it is in jeopardy and stops writing. m2 comes back at 1600 ms, is elected with epoch 2, rebuilds the sessions from the database with their leases extended and tells the clients. c1’s KeepAlive gets through inside the grace period: it is safe again and still holds L with sequencer 1. c2 asked for L all along and got nothing.',
  actions: [acquire(300, 'c1'), write(400, 'c1', 'a'), { at: 600, do: 'crash', node: 'm1' }, { at: 600, do: 'crash', node: 'm2' }, acquire(1000, 'c2'), { at: 1600, do: 'restart', node: 'm2' }, write(2000, 'c1', 'b')],
  until: 2500,
});

export const failoverPastGrace = scenario({
  name: 'failover-past-grace',
  title: 'Fail-over longer than the grace period: the session expires',
  description:
    'As before, but m2 comes back only at 3500 ms. c1’s grace period ends at about 2850 ms and its session expires, with its lock. The new master rebuilds c1’s old session, waits a whole lease for it to answer, then frees L after the lock-delay. c2 acquires L with sequencer 2, higher than c1’s.',
  actions: [acquire(300, 'c1'), write(400, 'c1', 'a'), { at: 600, do: 'crash', node: 'm1' }, { at: 600, do: 'crash', node: 'm2' }, { at: 3500, do: 'restart', node: 'm2' }, acquire(5000, 'c2'), write(5200, 'c2', 'b')],
  until: 5500,
});

export const skewBeyondBound = scenario({
  name: 'skew-beyond-bound',
  title: 'Clock skew beyond the bound: lease belief breaks, fencing saves the data',
  description:
    'c1’s clock runs at half speed, beyond the assumed bound rho = 1.1. c1 holds L and a one-way cut stops its KeepAlives at 600 ms. The master expires c1’s session on its own clock and c2 gets L with sequencer 2, while c1’s slow clock still says its lease runs: both believe they hold L (“{inv:lease-belief}”). c1 writes with token 1 after c2’s token 2, and storage rejects it.',
  actions: [{ at: 0, do: 'skew', node: 'c1', rate: 0.5 }, acquire(300, 'c1'), { at: 600, do: 'cut', from: 'c1', to: 'm1' }, acquire(1000, 'c2'), write(1700, 'c2', 'b'), write(1800, 'c1', 'a')],
  until: 2600,
});

const noExtensionScript: Action[] = [
  acquire(300, 'c1'),
  { at: 600, do: 'cut', from: 'c1', to: 'm2' },
  { at: 600, do: 'cut', from: 'm2', to: 'c1' },
  { at: 720, do: 'crash', node: 'm1' },
  acquire(1330, 'c2'),
  write(1400, 'c2', 'b'),
  write(1450, 'c1', 'a'),
];

export const noLeaseExtensionBug = scenario({
  name: `${BUGS.noLeaseExtension}-bug`,
  title: 'A new master that does not extend leases (bug switch on)',
  description:
    'c1 holds L and cannot reach m2. m1 crashes at 720 ms and m2 is elected quickly. Without extending the rebuilt leases it expires c1’s session at once and, after the lock-delay, grants L to c2, while c1 still trusts the local lease m1 gave it: both believe they hold L.',
  params: { bugs: [BUGS.noLeaseExtension] },
  actions: noExtensionScript,
  until: 2600,
});

export const leaseExtended = scenario({
  name: 'lease-extended',
  title: 'The new master extends leases: c1 keeps L until its lease is truly over',
  description:
    'The no-lease-extension script with the bug off: m2 gives c1’s rebuilt session a whole lease. c1 cannot reach it, goes into jeopardy when its local lease ends, and only after m2’s extended lease and the lock-delay does c2 get L.',
  actions: noExtensionScript,
  until: 2600,
});

const slowReply = { latency: [10, 10] as [number, number], drop: 0, duplicate: 0, links: [{ from: 'm1', to: 'c1', latency: [150, 150] as [number, number] }] };
const fromReplyScript: Action[] = [acquire(300, 'c1'), { at: 800, do: 'cut', from: 'c1', to: 'm1' }, acquire(900, 'c2')];

export const leaseFromReplyBug = scenario({
  name: `${BUGS.leaseFromReply}-bug`,
  title: 'A client that starts its lease at reply time (bug switch on)',
  description:
    'Replies from m1 to c1 take 150 ms. c1 holds L, then a one-way cut stops its KeepAlives at 800 ms. The master’s lease for c1 began when the last KeepAlive arrived; c1 started its own when the reply arrived, 150 ms later, at full length. With no lock-delay c2 gets L as soon as the master expires c1, and both believe they hold it for about 150 ms.',
  params: { bugs: [BUGS.leaseFromReply], lockDelay: 0 },
  network: slowReply,
  actions: fromReplyScript,
  until: 2400,
});

export const leaseFromSend = scenario({
  name: 'lease-from-send',
  title: 'A client that starts its lease at send time, divided by the clock bound',
  description: 'The lease-from-reply script with the bug off: c1’s local lease ends before the master’s, however slow the reply, so c1 is in jeopardy before c2 gets L.',
  params: { bugs: [], lockDelay: 0 },
  network: slowReply,
  actions: fromReplyScript,
  until: 2400,
});

const generationScript: Action[] = [acquire(300, 'c1'), release(500, 'c1'), acquire(600, 'c2'), release(700, 'c2'), { at: 800, do: 'crash', node: 'm1' }, acquire(1400, 'c1')];

export const volatileGenerationBug = scenario({
  name: `${BUGS.volatileGeneration}-bug`,
  title: 'Generation numbers kept only in memory (bug switch on)',
  description: 'c1 and c2 each hold L in turn (sequencers 1 and 2). m1 crashes and m2 takes over, but the generation numbers were not durable: m2 starts again from zero and grants L to c1 with sequencer 1 again (“{inv:token-monotone}”).',
  params: { bugs: [BUGS.volatileGeneration] },
  actions: generationScript,
  until: 1800,
});

export const durableGeneration = scenario({
  name: 'durable-generation',
  title: 'Generation numbers survive fail-over',
  description: 'The volatile-generation script with the bug off: m2 reads the generation from the database, and c1’s new grant carries sequencer 3.',
  actions: generationScript,
  until: 1800,
});

export const ignoreJeopardyBug = scenario({
  name: `${BUGS.ignoreJeopardy}-bug`,
  title: 'A client that ignores jeopardy (bug switch on)',
  description: 'c1 holds L and both cell nodes crash at 600 ms. c1’s local lease runs out at about 1350 ms, but it ignores jeopardy and writes at 1700 ms anyway (“{inv:no-act-in-jeopardy}”).',
  params: { bugs: [BUGS.ignoreJeopardy] },
  actions: [acquire(300, 'c1'), { at: 600, do: 'crash', node: 'm1' }, { at: 600, do: 'crash', node: 'm2' }, write(1700, 'c1', 'a')],
  until: 2000,
});

export const lockScenarios: Scenario[] = [
  happy,
  gcPauseNoFencing,
  gcPauseFenced,
  redisPause,
  failoverInGrace,
  failoverPastGrace,
  skewBeyondBound,
  noLeaseExtensionBug,
  leaseExtended,
  leaseFromReplyBug,
  leaseFromSend,
  volatileGenerationBug,
  durableGeneration,
  ignoreJeopardyBug,
];
