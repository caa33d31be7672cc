/** Curated consistent-hashing scenarios: puts and gets, a join and a leave with their
 * handoffs, crashes served by the surviving replicas, and the bug switches. Outcomes are
 * asserted in scenarios.test.ts and explained in docs/protocols/chash.md. n1 to n5 are in the
 * ring (n1 is the seed), n6 is a spare and n7 the client; R = 3 and v = 8. Every link takes
 * exactly 10 ms, so each script's timing is exact. Replica sets, first replica first:
 * apple n2 n1 n4, banana n4 n2 n3, cherry n2 n3 n5, date n3 n1 n4, elder n3 n5 n1,
 * fig n3 n1 n4, grape n1 n5 n2, lemon n2 n4 n3. */
import type { Action, Scenario } from '../../scenario/types';

function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'chash',
    nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'],
    seed: 1,
    params: { bugs: [], vnodes: 8, replicas: 3, clients: 1, spares: 1 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    ...s,
  };
}

const put = (at: number, key: string, value: string): Action => ({ at, do: 'put', node: 'n7', key, value });
const get = (at: number, key: string): Action => ({ at, do: 'get', node: 'n7', key });
const puts = (keys: string[]): Action[] => keys.map((k, i) => put(i * 5, k, `${k}-1`));
const withBug = (bug: string) => ({ bugs: [bug], vnodes: 8, replicas: 3, clients: 1, spares: 1 });

export const putGet = scenario({
  name: 'put-get',
  title: 'Puts land on three replicas',
  description:
    'The client puts apple, banana and cherry. Each Put goes to the first server of the key’s preference list, which stores it and sends Replicate to the next two distinct servers clockwise; only when both have stored it does the client get PutOk. The gets are served by the first replica.',
  actions: [...puts(['apple', 'banana', 'cherry']), get(100, 'apple'), get(100, 'banana'), get(100, 'cherry')],
  until: 300,
});

const JOIN_KEYS = ['apple', 'banana', 'date', 'fig', 'grape', 'lemon'];

export const join = scenario({
  name: 'join',
  title: 'n6 joins and pulls the ranges it gains',
  description:
    'n6 asks the seed n1 to join. The seed marks it joining and tells everyone; from then on writes also go to n6, and n6 pulls the arcs it gains from their old replicas. Once every arc is covered the seed marks n6 up, and the old replicas drop the keys they no longer hold. Only apple, date, fig and lemon move, all of them to n6. A get during the join is still served by the old replicas; after it, apple is read from n6.',
  actions: [...puts(JOIN_KEYS), { at: 200, do: 'join', node: 'n6' }, get(225, 'apple'), put(225, 'fig', 'fig-2'), get(400, 'apple'), get(400, 'fig')],
  until: 600,
});

const LEAVE_KEYS = ['banana', 'cherry', 'date', 'elder', 'grape'];

export const leave = scenario({
  name: 'leave',
  title: 'n3 leaves and hands its keys over',
  description:
    'n3 asks the seed to leave. While it is leaving it still serves, and writes also go to the servers that will replace it. n3 sends each of its keys to the one server that gains it, waits for every TransferAck, and reports LeaveDone; the seed removes it and n3 drops its store. Only n3’s keys move; grape, which n3 never held, stays where it was.',
  actions: [...puts(LEAVE_KEYS), { at: 200, do: 'leave', node: 'n3' }, get(400, 'banana'), get(400, 'date')],
  until: 600,
});

export const crashRead = scenario({
  name: 'crash-read',
  title: 'A crashed replica’s keys are read from the others',
  description:
    'apple lives on n2, n1 and n4. n2, its first replica, crashes. The client’s get goes to n2 and is lost; after its request timeout the client tries n1, the next replica, which answers.',
  actions: [put(0, 'apple', 'apple-1'), { at: 100, do: 'crash', node: 'n2' }, get(150, 'apple')],
  until: 500,
});

export const replicaCrashes = scenario({
  name: 'r-crashes',
  title: 'R − 1 crashes lose nothing; R make a key unreadable until one returns',
  description:
    'apple lives on n2, n1 and n4. With n2 and n1 down, a get still reaches n4 after two timeouts. When n4 crashes too, every replica is down and the get fails after five tries. The stores are on disk: once n1 restarts, apple is readable again.',
  actions: [
    put(0, 'apple', 'apple-1'),
    { at: 100, do: 'crash', node: 'n2' },
    { at: 100, do: 'crash', node: 'n1' },
    get(150, 'apple'),
    { at: 700, do: 'crash', node: 'n4' },
    get(750, 'apple'),
    { at: 1600, do: 'restart', node: 'n1' },
    get(1650, 'apple'),
  ],
  until: 2000,
});

/** n3 leaves while its link to n4 is cut, so the Transfers of cherry and elder to n4 are lost. */
function lostTransfer(bug: boolean): Scenario {
  return scenario({
    name: bug ? 'drop-before-ack-bug' : 'leave-lost-transfer',
    title: bug ? 'A leaver that drops keys before the ack (bug switch on)' : 'A lost transfer delays the leave',
    description: bug
      ? 'The link n3 → n4 is cut while n3 leaves. With drop-before-ack, n3 deletes each key as it sends it and leaves at once. No-loss breaks at that instant (a copy in flight is not a copy), and for good for cherry and elder, whose Transfer to n4 was lost: they are left with two copies instead of three.'
      : 'The link n3 → n4 is cut while n3 leaves, so its Transfer of cherry and elder to n4 is lost. n3 keeps its keys and sends again until n4 acknowledges, after the link heals; only then does it leave. No key ever has fewer than three copies.',
    ...(bug ? { params: withBug('drop-before-ack') } : {}),
    actions: [...puts(LEAVE_KEYS), { at: 150, do: 'cut', from: 'n3', to: 'n4' }, { at: 200, do: 'leave', node: 'n3' }, { at: 400, do: 'heal' }, get(600, 'cherry')],
    until: 800,
  });
}

export const leaveLostTransfer = lostTransfer(false);
export const dropBeforeAckBug = lostTransfer(true);

export const noHandoffBug = scenario({
  name: 'no-handoff-bug',
  title: 'A joiner that does not pull (bug switch on)',
  description:
    'The join scenario with no-handoff: n6 declares itself ready without pulling anything. The old replicas drop what they no longer hold, so apple, date, fig and lemon are left with two copies, and a get of apple, now served by n6, finds nothing.',
  params: withBug('no-handoff'),
  actions: [...puts(JOIN_KEYS), { at: 200, do: 'join', node: 'n6' }, get(400, 'apple')],
  until: 600,
});

export const wholeStoreBug = scenario({
  name: 'whole-store-bug',
  title: 'A join that copies whole stores (bug switch on)',
  description:
    'The join scenario with whole-store: old replicas answer n6’s Pull with everything they hold, so banana and grape, whose replicas do not change, are copied to n6 as well. The movement rule breaks: a join must move only the keys the new server gains.',
  params: withBug('whole-store'),
  actions: [...puts(JOIN_KEYS), { at: 200, do: 'join', node: 'n6' }],
  until: 600,
});

export const chashScenarios: Scenario[] = [putGet, join, leave, crashRead, replicaCrashes, leaveLostTransfer, noHandoffBug, dropBeforeAckBug, wholeStoreBug];
