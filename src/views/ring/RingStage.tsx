/**
 * The live ring as the cluster view's stage (issue 17, item 14): the consistent-hashing ring
 * of the run, scaled so that its arcs lie on the circle the cluster view places servers on (at
 * their first token), with the keys inside and a tooltip for the hovered or focused key.
 * Drawn inside the cluster view's SVG, behind the nodes and messages.
 */
import { useState } from 'react';
import { useSession, useT } from '../session';
import { angleOf, polar } from './geometry';
import { RING_MARGIN } from '../cluster/geometry';
import { notePlace, NOTE_LINE } from './noteLines';
import { keyRadius, R_ARC, RingLayers } from './RingLayers';
import { useLive, useParam } from './useLive';
import './ring.css';

export interface RingStageProps {
  center: { x: number; y: number };
  /** The radius of the circle the servers sit on, in the cluster view's units. */
  radius: number;
  width: number;
  height: number;
  /** The cluster view's node radius: the ring's "0" stays inside the nodes' inner edge. */
  nodeRadius: number;
}

/** Key dots lie at most this far from the centre, in the ring's units (RingLayers' keyRadius). */
const KEYS_INNER = 85 - 3.6;
/** Half the "0" label's height, in view units (11 px text). */
const ZERO_HALF = 6;

/** Where the ring's "0" (hash 0, 12 o'clock) is written: inside the ring on the vertical through
 * the centre, below every node's inner edge and every key dot, so no node near 12 o'clock covers
 * it (issue 17). In view units, so the text stays 11 px whatever the ring's scale. */
export function zeroPlace(center: { x: number; y: number }, radius: number, nodeRadius: number): { x: number; y: number; tick: [number, number] } {
  const k = radius / R_ARC;
  const inner = Math.min(radius - nodeRadius - 4, KEYS_INNER * k - 4);
  return { x: center.x, y: center.y - inner + ZERO_HALF * 2, tick: [center.y - radius - 6 * k, center.y - radius + 8 * k] };
}

export function RingStage({ center, radius, width, height, nodeRadius }: RingStageProps) {
  const t = useT();
  const vnodes = useParam('vnodes', 8);
  const replicas = useParam('replicas', 3);
  // The stage shows the protocol's own placement; the panel compares the other schemes.
  const { view } = useLive('ring', vnodes, replicas, t);
  const [hover, setHover] = useState<string | null>(null);
  const lang = useSession((s) => s.lang);
  const k = radius / R_ARC;
  const focused = hover ? view.keys.find((x) => x.key === hover) : undefined;
  const at = focused ? polar(angleOf(focused.hash), keyRadius(focused.hash)) : null;
  // The note wraps inside the key track, clear of the ring and its nodes (else in a corner).
  const note = view.note ? notePlace(view.note, center, radius, RING_MARGIN) : null;
  const zero = zeroPlace(center, radius, nodeRadius);
  return (
    <>
      <g className="rv rv-stage" data-testid="ring-view" role="group" aria-label={view.label} transform={`translate(${center.x},${center.y}) scale(${k})`}>
        <RingLayers {...view} hover={hover} setHover={setHover} />
      </g>
      <g className="rv-zero" aria-hidden="true" data-testid="ring-zero">
        <line x1={zero.x} x2={zero.x} y1={zero.tick[0]} y2={zero.tick[1]} />
        <text x={zero.x} y={zero.y} textAnchor="middle">
          0
        </text>
      </g>
      {note && (
        <text className="rv-stage-note" x={note.x} y={note.y} textAnchor={note.anchor} data-testid="ring-note">
          {note.lines.map((line, i) => (
            <tspan key={i} x={note.x} dy={i === 0 ? 0 : NOTE_LINE}>
              {line}
            </tspan>
          ))}
        </text>
      )}
      {focused && at && (
        <foreignObject x={0} y={0} width={width} height={height} pointerEvents="none" lang={lang}>
          <div className="rv-stage-tip">
            <div
              className={`rv-tip ${at.x < 0 ? 'rv-tip-e' : 'rv-tip-w'} ${at.y < 0 ? 'rv-tip-s' : 'rv-tip-n'}`}
              role="tooltip"
              style={{ left: center.x + at.x * k, top: center.y + at.y * k }}
              data-testid="ring-tip"
            >
              <strong>{focused.key}</strong>
              <span>{t('ring.key.owner', { owner: focused.owner ?? t('ring.none') })}</span>
              {focused.replicas.length > 1 && <span>{t('ring.key.replicas', { replicas: focused.replicas.join(', ') })}</span>}
              <span>{focused.stored.length ? t('ring.key.stored', { servers: focused.stored.join(', ') }) : t('ring.key.notStored')}</span>
              {focused.movedFrom && <span>{t('ring.key.moved', { from: focused.movedFrom })}</span>}
            </div>
          </div>
        </foreignObject>
      )}
    </>
  );
}
