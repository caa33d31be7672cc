/** Colours of the cluster view. Colour is never the only signal: roles also show a letter,
 * message kinds a shape, states a glyph. */
import { MESSAGE_TYPES, REPLY_OF } from './messageTypes';

/** Tones a node's role maps to (CSS classes `tone-…` in cluster.css). */
export type Tone = 'leader' | 'candidate' | 'follower' | 'other';

const TONES: Record<string, Tone> = {
  leader: 'leader',
  candidate: 'candidate',
  follower: 'follower',
  // Other protocols' roles that play the same parts.
  coordinator: 'leader',
  proposer: 'candidate',
  primary: 'leader',
  leading: 'leader',
  preparing: 'candidate',
  backup: 'follower',
};

export function roleTone(role: string): Tone {
  return TONES[role] ?? 'other';
}

/** Fourteen hues, each in a strong and a light shade: 28 colours, more than the largest
 * protocol's types (lock's 26). A request takes a strong shade; its reply the light shade of
 * the same hue, so the pair reads as related but stays distinct. */
const HUES: readonly (readonly [string, string])[] = [
  ['#2563eb', '#93c5fd'], // blue
  ['#d97706', '#fcd34d'], // amber
  ['#7c3aed', '#c4b5fd'], // violet
  ['#0d9488', '#5eead4'], // teal
  ['#db2777', '#f9a8d4'], // pink
  ['#15803d', '#86efac'], // green
  ['#dc2626', '#fca5a5'], // red
  ['#0891b2', '#67e8f9'], // cyan
  ['#65a30d', '#bef264'], // lime
  ['#ea580c', '#fdba74'], // orange
  ['#4338ca', '#a5b4fc'], // indigo
  ['#a21caf', '#f0abfc'], // fuchsia
  ['#854d0e', '#d6b37a'], // brown
  ['#475569', '#cbd5e1'], // slate
];
const SLOTS = [...HUES.map((h) => h[0]), ...HUES.map((h) => h[1])];

/** FNV-1a, 32 bits: a stable small hash of a type name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Every declared type's colour, computed once from the table (never from what was visited):
 * protocol by protocol, type by type in declared order, the first colour no type of any
 * protocol sending it already has (a name two protocols share, like Prepare, keeps one colour
 * distinct in both); a reply prefers its request's light shade.
 */
function assign(): Map<string, string> {
  const out = new Map<string, string>();
  const protocolsOf = new Map<string, string[]>();
  for (const [p, types] of Object.entries(MESSAGE_TYPES)) for (const t of types) protocolsOf.set(t, [...(protocolsOf.get(t) ?? []), p]);
  for (const types of Object.values(MESSAGE_TYPES)) {
    for (const type of types) {
      if (out.has(type)) continue;
      const taken = new Set<string>();
      for (const p of protocolsOf.get(type)!) for (const other of MESSAGE_TYPES[p]!) if (out.has(other)) taken.add(out.get(other)!);
      const req = REPLY_OF[type];
      const reqColour = req !== undefined && types.includes(req) ? out.get(req) : undefined;
      const hue = reqColour === undefined ? -1 : HUES.findIndex((h) => h[0] === reqColour);
      const light = hue >= 0 ? HUES[hue]![1] : undefined;
      const colour = light !== undefined && !taken.has(light) ? light : SLOTS.find((c) => !taken.has(c)) ?? SLOTS[hash(type) % SLOTS.length]!;
      out.set(type, colour);
    }
  }
  return out;
}
const COLOURS = assign();

/** A message type's colour: the same in the cluster view, its legend and the space-time
 * diagram. A type no protocol declares (a file from elsewhere) gets one by a stable hash. */
export function messageColor(type: string): string {
  return COLOURS.get(type) ?? SLOTS[hash(type) % SLOTS.length]!;
}
