/** The CLI's lines for a consistent-hashing run: the ring, each server's keys, each key's holders. */
import type { NodeView } from '../types';
import { readReplicas } from './membership';
import type { ChashObservable, ClientObservable, ServerObservable } from './observe';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summarizeChash(nodes: ReadonlyMap<string, NodeView>): string[] {
  const views = [...nodes.values()];
  const servers = views.filter((v) => (v.state as ChashObservable).role === 'server');
  const clients = views.filter((v) => (v.state as ChashObservable).role === 'client');
  const seed = servers[0]!.state as ServerObservable;
  const shape = { vnodes: seed.tokens.length, replicas: seed.replicas };
  const ring = { epoch: seed.epoch, status: seed.members };
  const lines = [`ring at epoch ${seed.epoch}: ${Object.entries(seed.members).map(([id, s]) => (s === 'up' ? id : `${id} (${s})`)).join(' ') || 'empty'}`];
  for (const v of servers) {
    const s = v.state as ServerObservable;
    const keys = Object.keys(s.store).sort();
    lines.push(`${v.id} ${s.self}${v.up ? '' : ' (crashed)'}: ${plural(keys.length, 'key')}${keys.length ? ` (${keys.join(' ')})` : ''}`);
  }
  const keys = new Set(servers.flatMap((v) => Object.keys((v.state as ServerObservable).store)));
  for (const key of [...keys].sort()) {
    const holders = servers.filter((v) => Object.hasOwn((v.state as ServerObservable).store, key)).map((v) => v.id);
    lines.push(`${key}: replicas ${readReplicas(ring, key, shape).join(' ')}; stored on ${holders.join(' ')}`);
  }
  for (const v of clients) {
    const c = v.state as ClientObservable;
    lines.push(`${v.id}: ${plural(Object.keys(c.acked).length, 'key')} acknowledged, ${plural(Object.keys(c.ops).length, 'request')} pending`);
  }
  return lines;
}
