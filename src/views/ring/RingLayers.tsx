/**
 * The live ring's layers, drawn in a 300 × 300 box centred on (0, 0): arcs of ownership and
 * tokens coloured per server, keys as dots at their hash, moved keys ringed, keys in handoff
 * flying from the sender's token to the receiver's while their Transfer message is in flight
 * (a function of simulated time). The cluster view's ring stage (RingStage) scales them to
 * its nodes' circle. D3 does the maths (geometry.ts); React renders the SVG.
 */
import { memo, useMemo } from 'react';
import { murmur3 as murmurOf } from '../../protocols/chash/hash';
import { successor, type Ring } from '../../protocols/chash/ring';
import { useSession, useT } from '../session';
import { angleOf, hop, ownershipArcs, polar, sector } from './geometry';
import { useReducedMotion } from './hooks';

type T = ReturnType<typeof useT>;

/** The box the layers are drawn in: a 300 × 300 square centred on the ring. */
export const SIZE = 300;
export const R_ARC = 118;
export const R_TOKEN = 132;
const R_KEY = 100;

export interface KeyDot {
  key: string;
  hash: number;
  owner: string | null;
  /** The ring's preference list (ring scheme), else just the owner. */
  replicas: string[];
  stored: string[];
  /** The owner before the last change, when it differs. */
  movedFrom: string | null;
}

export interface RingViewProps {
  label: string;
  /** The ring of the selected scheme, or null when the scheme has none. */
  ring: Ring | null;
  /** Servers being added (dashed tokens) or removed (hollow tokens) by the change under way. */
  joining: string | null;
  leaving: { server: string; tokens: Uint32Array } | null;
  keys: KeyDot[];
  color(server: string): string;
  down: ReadonlySet<string>;
  note: string | null;
}

/** A key's radius: staggered by its low hash bits so neighbours do not hide each other. */
export const keyRadius = (hash: number) => R_KEY - (hash & 3) * 5;

/** The first token of `server` at or after `hash`, clockwise (its token that serves the key). */
export function tokenFor(ring: Ring, hash: number, server: string): number | null {
  const n = ring.tokens.length;
  if (n === 0) return null;
  const s = ring.servers.indexOf(server);
  for (let i = successor(ring, hash), k = 0; k < n; k++, i = i + 1 === n ? 0 : i + 1) if (ring.owner[i] === s) return i;
  return null;
}

export function keyText(t: T, k: KeyDot, down: ReadonlySet<string>): string {
  const name = (s: string) => (down.has(s) ? t('ring.down', { server: s }) : s);
  const list = (xs: string[]) => (xs.length ? xs.map(name).join(', ') : t('ring.none'));
  const parts = [t('ring.key', { key: k.key }), t('ring.key.owner', { owner: k.owner ? name(k.owner) : t('ring.none') })];
  if (k.replicas.length > 1) parts.push(t('ring.key.replicas', { replicas: list(k.replicas) }));
  parts.push(k.stored.length ? t('ring.key.stored', { servers: list(k.stored) }) : t('ring.key.notStored'));
  if (k.owner && !k.stored.includes(k.owner) && k.stored.length) parts.push(t('ring.key.notStored'));
  if (k.movedFrom) parts.push(t('ring.key.moved', { from: k.movedFrom }));
  parts.push(t('ring.key.hash', { hash: k.hash.toString(16).padStart(8, '0') }));
  return parts.join(' · ');
}

const Arcs = memo(function Arcs({ ring, color, t }: { ring: Ring; color(server: string): string; t: T }) {
  const arcs = useMemo(() => ownershipArcs(ring.tokens, ring.owner), [ring]);
  // Each server's share of the circle and token count, for the arcs' titles.
  const titles = useMemo(() => {
    const share = new Float64Array(ring.servers.length);
    for (const a of arcs) share[a.owner]! += (a.a1 - a.a0) / (2 * Math.PI);
    const tokens = ring.tokens.length / Math.max(1, ring.servers.length);
    return ring.servers.map((server, i) => t('ring.server', { server, tokens, share: `${(share[i]! * 100).toFixed(1)}%` }));
  }, [arcs, ring, t]);
  return (
    <g className="rv-arcs">
      {arcs.map((a, i) => {
        const server = ring.servers[a.owner]!;
        return (
          <path key={i} d={sector(a.a0, a.a1, R_ARC - 8, R_ARC + 6)} fill={color(server)} data-server={server}>
            <title>{titles[a.owner]}</title>
          </path>
        );
      })}
    </g>
  );
});

const Tokens = memo(function Tokens({ ring, joining, color, t }: { ring: Ring; joining: string | null; color(server: string): string; t: T }) {
  const index = useMemo(() => {
    // Token number i of each server, for the titles.
    const seen = new Map<number, number>();
    return Array.from(ring.owner, (o) => {
      const k = seen.get(o) ?? 0;
      seen.set(o, k + 1);
      return k;
    });
  }, [ring]);
  return (
    <g className="rv-tokens">
      {Array.from(ring.tokens, (tok, i) => {
        const a = angleOf(tok);
        const server = ring.servers[ring.owner[i]!]!;
        const p0 = polar(a, R_ARC + 7);
        const p1 = polar(a, R_TOKEN + 4);
        return (
          <line key={i} x1={p0.x} y1={p0.y} x2={p1.x} y2={p1.y} stroke={color(server)} className={server === joining ? 'rv-token rv-joining' : 'rv-token'}>
            <title>{server === joining ? `${t('ring.token', { i: index[i]!, server })} · ${t('ring.server.joining')}` : t('ring.token', { i: index[i]!, server })}</title>
          </line>
        );
      })}
    </g>
  );
});

function LeavingTokens({ tokens, server, color, t }: { tokens: Uint32Array; server: string; color(server: string): string; t: T }) {
  return (
    <g className="rv-leaving">
      {Array.from(tokens, (tok, i) => {
        const p = polar(angleOf(tok), R_TOKEN);
        return (
          <circle key={i} cx={p.x} cy={p.y} r={3.2} stroke={color(server)}>
            <title>{`${t('ring.token', { i, server })} · ${t('ring.server.leaving')}`}</title>
          </circle>
        );
      })}
    </g>
  );
}

/** Keys flying in Transfer messages at the cursor: from the sender's token for the key to the
 * receiver's, by the message's progress in simulated time. */
function Handoffs({ ring, color, t }: { ring: Ring; color(server: string): string; t: T }) {
  const inFlight = useSession((s) => s.frame.inFlight);
  const time = useSession((s) => s.frame.time);
  const reduced = useReducedMotion();
  const flights = useMemo(() => {
    const out: { id: string; from: number; to: number; key: string; hash: number; sender: string; server: string; sentAt: number; arriveAt: number }[] = [];
    for (const f of inFlight) {
      const m = f.message;
      if (m.type !== 'Transfer') continue;
      const entries = (m.payload as { entries?: Record<string, unknown> }).entries;
      if (!entries || typeof entries !== 'object') continue;
      for (const key of Object.keys(entries)) {
        const h = murmurOf(key);
        const a = tokenFor(ring, h, m.from);
        const b = tokenFor(ring, h, m.to);
        const from = a === null ? angleOf(h) : angleOf(ring.tokens[a]!);
        const to = b === null ? angleOf(h) : angleOf(ring.tokens[b]!);
        out.push({ id: `${m.id}:${key}`, from, to, key, hash: h, sender: m.from, server: m.to, sentAt: m.sentAt, arriveAt: m.arriveAt });
      }
    }
    return out;
  }, [inFlight, ring]);
  if (flights.length === 0) return null;
  return (
    <g className="rv-handoffs">
      {flights.map((f) => {
        const span = Math.max(1, f.arriveAt - f.sentAt);
        const p = reduced ? 0.5 : (time - f.sentAt) / span;
        const at = hop(f.from, f.to, keyRadius(f.hash), p);
        const a = polar(f.from, keyRadius(f.hash));
        const b = polar(f.to, keyRadius(f.hash));
        return (
          <g key={f.id} data-key={f.key} data-handoff="true">
            <title>{`${t('ring.key', { key: f.key })} · ${t('ring.key.handoff', { from: f.sender, to: f.server })}`}</title>
            <path className="rv-handoff-path" d={`M${a.x},${a.y} Q0,0 ${b.x},${b.y}`} />
            <rect className="rv-handoff" x={at.x - 3.5} y={at.y - 3.5} width={7} height={7} fill={color(f.server)} transform={`rotate(45 ${at.x} ${at.y})`} />
          </g>
        );
      })}
    </g>
  );
}

export interface RingLayersProps extends Omit<RingViewProps, 'label' | 'note'> {
  hover: string | null;
  setHover(key: string | null): void;
}

/** Everything of the ring but its label and tooltip. */
export function RingLayers({ ring, joining, leaving, keys, color, down, hover, setHover }: RingLayersProps) {
  const t = useT();
  const focused = hover ? keys.find((k) => k.key === hover) : undefined;
  const lines = useMemo(() => {
    if (!focused || !ring) return [];
    // A line from the key to the token of each replica that serves it; the owner's solid.
    return focused.replicas.flatMap((s, i) => {
      const tok = tokenFor(ring, focused.hash, s);
      if (tok === null) return [];
      return [{ server: s, primary: i === 0, to: polar(angleOf(ring.tokens[tok]!), R_ARC - 8) }];
    });
  }, [focused, ring]);
  const at = focused ? polar(angleOf(focused.hash), keyRadius(focused.hash)) : null;
  return (
    <>
      <circle className="rv-track" r={R_ARC - 1} />
      {ring && <Arcs ring={ring} color={color} t={t} />}
      {ring && <Tokens ring={ring} joining={joining} color={color} t={t} />}
      {ring && leaving && <LeavingTokens tokens={leaving.tokens} server={leaving.server} color={color} t={t} />}
      {lines.map((l) => (
        <line key={l.server} x1={at!.x} y1={at!.y} x2={l.to.x} y2={l.to.y} className={l.primary ? 'rv-link rv-link-owner' : 'rv-link'} stroke={color(l.server)} />
      ))}
      <g className="rv-keys">
        {keys.map((k) => {
          const p = polar(angleOf(k.hash), keyRadius(k.hash));
          const text = keyText(t, k, down);
          const missing = !!k.owner && !k.stored.includes(k.owner);
          return (
            <g
              key={k.key}
              className={`rv-key${hover === k.key ? ' rv-hover' : ''}`}
              transform={`translate(${p.x},${p.y})`}
              tabIndex={0}
              role="img"
              aria-label={text}
              data-key={k.key}
              data-owner={k.owner ?? ''}
              data-moved={k.movedFrom ? 'true' : undefined}
              onMouseEnter={() => setHover(k.key)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(k.key)}
              onBlur={() => setHover(null)}
              onClick={(e) => e.stopPropagation()}
            >
              {k.movedFrom && <circle className="rv-moved" r={6.5} />}
              <circle r={3.6} fill={k.owner ? color(k.owner) : '#9ca3af'} className={missing ? 'rv-dot rv-missing' : 'rv-dot'} />
            </g>
          );
        })}
      </g>
      {ring && <Handoffs ring={ring} color={color} t={t} />}
    </>
  );
}
