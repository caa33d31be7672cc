/** Colours of the cluster view. Colour is never the only signal: roles also show a letter,
 * message kinds a shape, states a glyph. */

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

/** Fixed colours for well-known message families; others get one from the palette by hash,
 * so a type keeps its colour across runs. */
const KNOWN: Record<string, string> = {
  AppendEntries: '#2563eb',
  RequestVote: '#d97706',
  ClientRequest: '#7c3aed',
  // Paxos's phases, one colour each (its replies are named 1b and 2b, not …Reply).
  '1a': '#2563eb',
  '1b': '#0d9488',
  '2a': '#d97706',
  '2b': '#7c3aed',
  Nack: '#db2777',
};
const PALETTE = ['#0891b2', '#db2777', '#059669', '#9333ea', '#65a30d', '#ea580c', '#0d9488', '#4f46e5', '#be123c', '#a16207', '#0369a1', '#15803d', '#c026d3', '#57534e'];

/** Colours handed out so far: each new family takes a colour no other family has, so the
 * types of one protocol (2PC has nine) never share one. The cluster view, the legend and the
 * diagram read the same table, so they always agree. */
const assigned = new Map<string, string>();

/** FNV-1a, 32 bits: a stable small hash of a type name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function familyColor(family: string): string {
  const known = KNOWN[family] ?? assigned.get(family);
  if (known) return known;
  const used = new Set(assigned.values());
  // Past the palette (many protocols in one session), a stable hash.
  const colour = PALETTE.find((c) => !used.has(c)) ?? PALETTE[hash(family) % PALETTE.length]!;
  assigned.set(family, colour);
  return colour;
}
