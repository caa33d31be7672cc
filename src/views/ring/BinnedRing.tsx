/**
 * The ring at scale, aggregated by angle: an outer band of bins coloured by the server owning
 * most of each bin, key density as inner radial bars, the keys the selected scheme moved on
 * the join as red bars in their own track (square-root scale, against the densest key bin),
 * and the joiner's tokens as ticks. A few hundred elements, whatever N, v and K are.
 */
import { memo, useMemo } from 'react';
import { angleOf, densityBars, polar, sector } from './geometry';
import { SIZE } from './RingLayers';

const R_BAND = 124;
/** Moved keys: a track just inside the band, square-root scaled to the densest key bin. */
const R_MOVED = 114;
const MOVED_DEPTH = 34;
/** Key density: an inner track, linear. */
const R_DENSITY = 74;
const DENSITY_DEPTH = 26;

export interface BinnedRingProps {
  label: string;
  ownerBins: Int32Array;
  keyBins: Uint32Array;
  movedBins: Uint32Array;
  joinTokens: Uint32Array;
  color(index: number): string;
  titles: { keys: string; moved: string; joiner: string };
}

export const BinnedRing = memo(function BinnedRing({ label, ownerBins, keyBins, movedBins, joinTokens, color, titles }: BinnedRingProps) {
  const bins = ownerBins.length;
  const top = useMemo(() => Math.max(1, ...keyBins), [keyBins]);
  const density = useMemo(() => densityBars(keyBins, R_DENSITY, DENSITY_DEPTH, top), [keyBins, top]);
  const moved = useMemo(() => densityBars(movedBins, R_MOVED, MOVED_DEPTH, top, true), [movedBins, top]);
  const band = useMemo(
    () => Array.from(ownerBins, (o, i) => ({ o, d: sector((i / bins) * Math.PI * 2, ((i + 1) / bins) * Math.PI * 2 + 0.002, R_BAND - 7, R_BAND + 5) })),
    [ownerBins, bins],
  );
  const half = SIZE / 2;
  return (
    <div className="rv" data-testid="ring-binned">
      <svg viewBox={`${-half} ${-half} ${SIZE} ${SIZE}`} className="rv-svg" role="img" aria-label={label}>
        <g aria-hidden="true">
          {band.map((b, i) => (
            <path key={i} d={b.d} fill={color(b.o)} />
          ))}
          <circle className="rv-base" r={R_DENSITY} />
          <circle className="rv-base" r={R_MOVED} />
          <g className="rv-density">
            <title>{titles.keys}</title>
            {density.map((b, i) => (
              <path key={i} d={sector(b.a0, b.a1, b.r0, b.r1)} />
            ))}
          </g>
          <g className="rv-density-moved">
            <title>{titles.moved}</title>
            {moved.map((b, i) => (
              <path key={i} d={sector(b.a0, b.a1, b.r0, b.r1)} />
            ))}
          </g>
          <g className="rv-join-ticks">
            <title>{titles.joiner}</title>
            {Array.from(joinTokens, (tok, i) => {
              const a = angleOf(tok);
              const p0 = polar(a, R_BAND + 6);
              const p1 = polar(a, R_BAND + 16);
              return <line key={i} x1={p0.x} y1={p0.y} x2={p1.x} y2={p1.y} />;
            })}
          </g>
        </g>
      </svg>
    </div>
  );
});
