/** Validation of `network`: the default link settings and the per-link overrides. */
import type { LinkOverride, NetworkSettings } from './types';
import { checkKeys, field, isInt, isRecord, readNumber, show, type NodeSet, type Problems } from './problems';

export const MAX_LATENCY = 600_000;
const MAX_LINKS = 1_000;
const LATENCY_RULE = `must be [min, max] with whole numbers 0 ≤ min ≤ max ≤ ${MAX_LATENCY}`;
const CHANCE_RULE = 'must be a probability from 0 to 1';

export function readNetwork(p: Problems, v: unknown, nodes: NodeSet): NetworkSettings {
  const path = 'network';
  if (!isRecord(v)) {
    p.expect(path, 'must be an object { latency, drop, duplicate, links? }', v);
    return { latency: [0, 0], drop: 0, duplicate: 0 };
  }
  checkKeys(p, path, v, ['latency', 'drop', 'duplicate', 'links']);
  const out: NetworkSettings = {
    latency: readLatency(p, field(path, 'latency'), v.latency),
    drop: readChance(p, field(path, 'drop'), v.drop),
    duplicate: readChance(p, field(path, 'duplicate'), v.duplicate),
  };
  if (v.links !== undefined) out.links = readLinks(p, field(path, 'links'), v.links, nodes);
  return out;
}

function readLinks(p: Problems, path: string, v: unknown, nodes: NodeSet): LinkOverride[] {
  if (!Array.isArray(v) || v.length > MAX_LINKS) {
    p.expect(path, `must be an array of at most ${MAX_LINKS} links { from, to, latency?, drop?, duplicate? }`, v);
    return [];
  }
  const seen = new Set<string>();
  return v.map((link: unknown, i) => readLink(p, field(path, i), link, nodes, seen));
}

function readLink(p: Problems, path: string, v: unknown, nodes: NodeSet, seen: Set<string>): LinkOverride {
  if (!isRecord(v)) {
    p.expect(path, 'must be an object { from, to, latency?, drop?, duplicate? }', v);
    return { from: '', to: '' };
  }
  checkKeys(p, path, v, ['from', 'to', 'latency', 'drop', 'duplicate']);
  const from = nodes.read(p, field(path, 'from'), v.from) ?? '';
  const to = nodes.read(p, field(path, 'to'), v.to) ?? '';
  if (from && from === to) p.add(field(path, 'to'), `must differ from "from", got ${show(to)} for both`);
  // Overrides are looked up by from>to, so a second one would silently win over the first.
  const key = `${from}>${to}`;
  if (from && to && seen.has(key)) p.add(path, `duplicate link ${from} → ${to}`);
  seen.add(key);
  const out: LinkOverride = { from, to };
  if (v.latency !== undefined) out.latency = readLatency(p, field(path, 'latency'), v.latency);
  if (v.drop !== undefined) out.drop = readChance(p, field(path, 'drop'), v.drop);
  if (v.duplicate !== undefined) out.duplicate = readChance(p, field(path, 'duplicate'), v.duplicate);
  return out;
}

function readLatency(p: Problems, path: string, v: unknown): [number, number] {
  if (Array.isArray(v) && v.length === 2) {
    const [min, max] = v as unknown[];
    if (typeof min === 'number' && typeof max === 'number' && isInt(min) && isInt(max) && min >= 0 && min <= max && max <= MAX_LATENCY) {
      return [min === 0 ? 0 : min, max === 0 ? 0 : max];
    }
  }
  p.expect(path, LATENCY_RULE, v);
  return [0, 0];
}

function readChance(p: Problems, path: string, v: unknown): number {
  return readNumber(p, path, v, CHANCE_RULE, (n) => n >= 0 && n <= 1) ?? 0;
}
