/** Links, partitions and one-way cuts. Pure data plus lookups; the world owns the clock. */
import type { NetworkSettings, NodeId } from '../scenario/types';

export interface LinkParams {
  latency: readonly [number, number];
  drop: number;
  duplicate: number;
}

export interface NetworkState {
  /** Node → group index while a partition is in force; unlisted nodes share one extra group. */
  groups: ReadonlyMap<NodeId, number> | null;
  /** Directed cuts, as "from>to". */
  cuts: ReadonlySet<string>;
}

export const HEALED: NetworkState = { groups: null, cuts: new Set() };

export function linkKey(from: NodeId, to: NodeId): string {
  return `${from}>${to}`;
}

/** Resolves each directed link's parameters once, so sending a message is a map lookup. */
export function linkTable(settings: NetworkSettings): (from: NodeId, to: NodeId) => LinkParams {
  const base: LinkParams = { latency: settings.latency, drop: settings.drop, duplicate: settings.duplicate };
  const overrides = new Map<string, LinkParams>();
  for (const l of settings.links ?? []) {
    overrides.set(linkKey(l.from, l.to), {
      latency: l.latency ?? base.latency,
      drop: l.drop ?? base.drop,
      duplicate: l.duplicate ?? base.duplicate,
    });
  }
  // No per-link settings (the usual case): no key to build for every message sent.
  if (overrides.size === 0) return () => base;
  return (from, to) => overrides.get(linkKey(from, to)) ?? base;
}

export function partitioned(groups: readonly (readonly NodeId[])[]): Map<NodeId, number> {
  const map = new Map<NodeId, number>();
  groups.forEach((g, i) => g.forEach((n) => map.set(n, i)));
  return map;
}

/** Why a message from → to cannot pass now, or null when it can. A node always reaches itself. */
export function blockedBy(net: NetworkState, from: NodeId, to: NodeId): 'partition' | 'cut' | null {
  if (from === to) return null;
  if (net.groups) {
    const other = net.groups.size; // the implicit group of unlisted nodes
    if ((net.groups.get(from) ?? other) !== (net.groups.get(to) ?? other)) return 'partition';
  }
  if (net.cuts.size > 0 && net.cuts.has(linkKey(from, to))) return 'cut';
  return null;
}
