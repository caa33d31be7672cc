/**
 * A leader–follower connection as TCP gives it to Zab: messages numbered per connection, read
 * in order, each once. The simulated network reorders, duplicates and drops; Zab's proofs
 * assume FIFO channels, so each end holds early arrivals until the gap closes, ignores copies,
 * and ignores anything from an older connection. A message lost for good leaves a gap that
 * never closes: the connection stalls and the peers' timeouts end it, as a dead socket would.
 */
import type { LinkMessage } from './messages';

export interface Link {
  conn: string;
  /** Numbers sent and read so far. */
  sent: number;
  read: number;
  held: readonly LinkMessage[];
}

export const openLink = (conn: string): Link => ({ conn, sent: 0, read: 0, held: [] });

/** Connection ids are `opener:incarnation.count` of the follower that opened them: newer is
 * larger (compared for one opener). */
export function newerConn(a: string, b: string): boolean {
  const [ai, ac] = a.slice(a.indexOf(':') + 1).split('.').map(Number) as [number, number];
  const [bi, bc] = b.slice(b.indexOf(':') + 1).split('.').map(Number) as [number, number];
  return ai !== bi ? ai > bi : ac > bc;
}

/** Accepts one arrival; returns the link and the messages now readable, in order. */
export function receive(link: Link, m: LinkMessage): { link: Link; ready: LinkMessage[] } {
  if (m.conn !== link.conn || m.n <= link.read || link.held.some((h) => h.n === m.n)) return { link, ready: [] };
  if (m.n !== link.read + 1) return { link: { ...link, held: [...link.held, m] }, ready: [] };
  const ready: LinkMessage[] = [m];
  let read = m.n;
  let held = link.held;
  for (;;) {
    const next = held.find((h) => h.n === read + 1);
    if (!next) break;
    ready.push(next);
    read = next.n;
    held = held.filter((h) => h !== next);
  }
  return { link: { ...link, read, held }, ready };
}
