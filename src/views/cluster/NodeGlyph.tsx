/** One node of the cluster: body, role letter, term, vote, and the crashed / paused / skewed
 * markers. Memoized on primitive props: it re-renders only when what it shows changes. */
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { LabelPlacement, Point } from './geometry';
import type { Tone } from './palette';
import '../timeline/highlight.css';

export interface NodeGlyphProps {
  id: string;
  at: Point;
  r: number;
  place: LabelPlacement;
  tone: Tone;
  letter: string;
  up: boolean;
  paused: boolean;
  rate: number;
  /** Holds locks without knowing the outcome (a prepared 2PC participant): a padlock badge. */
  locked: boolean;
  selected: boolean;
  /** The invariant of the latest violation at the cursor that involves this node, or null. */
  violation: string | null;
  /** Accessible name and tooltip. */
  label: string;
  title: string;
  /** Short lines: term inside the body, the vote (or "down") under the id. */
  term: string | null;
  sub: string | null;
  onSelect(id: string): void;
  /** Opens the node's menu: at the pointer, or at the node when `client` is null. */
  onMenu(id: string, client: Point | null): void;
}

function rateText(rate: number): string {
  return `×${Number(rate.toFixed(2))}`;
}

/** The term line squeezed to the body's width where it would spill out of a small node (a
 * Chinese "任期12" is about twice as wide as "T12"); left alone where it fits. */
function fitTerm(text: string, r: number): { textLength?: number; lengthAdjust?: 'spacingAndGlyphs' } {
  // At least 11: the narrow layout sets an 11 px floor on this line (app/narrow.css).
  const size = Math.max(11, r * 0.32);
  // Wide (CJK) characters take about 1 em, others about 0.6 em.
  const width = [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.6), 0) * size;
  const room = r * 1.5;
  return width > room ? { textLength: room, lengthAdjust: 'spacingAndGlyphs' } : {};
}

/** How far a label beside a violating node moves out past its ring: sideways, and on a
 * diagonal (a node low or high on the circle) up or down too, since there the block's inner
 * corner is what reaches the ring (Raft's n3 label touched it at 4 o'clock). */
function sideClear(place: LabelPlacement, r: number): { x: number; y: number } {
  const x = place.anchor === 'start' ? VIOLATION_CLEAR : -VIOLATION_CLEAR;
  const y = place.y > r * 0.3 ? VIOLATION_CLEAR : place.y < -r * 0.3 ? -VIOLATION_CLEAR : 0;
  return { x, y };
}

/** The letter's and the term's centres inside the body. The term is at least 11 px (app/narrow.css
 * sets that floor), so in a small node (a narrow compare pane, the lock service at 800 px) the two
 * are moved apart until the letter's capital and the term's glyphs (a Chinese "纪元1" is as tall
 * as its font) no longer overlap; large nodes keep their places. */
function letterStack(r: number, letterSize: number): { letter: number; term: number } {
  const need = 0.4 * letterSize + 0.5 * 11 + 2;
  const extra = Math.max(0, need - 0.62 * r) / 2;
  return { letter: -r * 0.1 - extra, term: r * 0.52 + extra };
}

/** A stacked label's middle beyond the node's centre, past its rim: labelPlacement's. */
const STACK_GAP = 28;
/** How far a label may slide back inside the drawing before it would reach its glyph. */
const SLIDE_MAX = 12;

/** How far a violating node's label moves out, clear of its ring and the ring's stroke. */
const VIOLATION_CLEAR = 8;

/** What a label's rows' top and height depend on (not its text): its place, its lines, whether
 * a line holds characters beyond ASCII (another font's line height), and the drawing's size. */
function rowsKey(place: LabelPlacement, sub: string | null | undefined, id: string, box: DOMRect): string {
  return `${place.x} ${place.y} ${place.anchor} ${sub ? 2 : 1} ${/[^\x20-\x7e]/.test(id + (sub ?? ''))} ${box.width} ${box.height}`;
}

export const NodeGlyph = memo(function NodeGlyph(p: NodeGlyphProps) {
  const { id, at, r, place: side, up } = p;
  // A label beside a node that would not fit the drawing's width (a narrow compare pane) goes
  // under the node (over it in the upper half), starting at the glyph's inner edge and running
  // outward, rather than sliding back over its glyph or towards the nodes in the middle.
  const [stacked, setStacked] = useState(false);
  const place: LabelPlacement = stacked && side.anchor !== 'middle' ? { x: side.anchor === 'start' ? -r : r, y: (side.y < 0 ? -1 : 1) * (r + STACK_GAP), anchor: side.anchor } : side;
  // A label on the ring's left or right edge could run past the drawing and be cut ("gnores
  // tokens" in a narrow compare pane, issue 17): slide it back inside by what overflows.
  const labels = useRef<SVGGElement>(null);
  // The violation ring (r + 16) reaches the label's place: move the label outward past it.
  const away = !p.violation ? { x: 0, y: 0 } : place.anchor === 'middle' || stacked ? { x: 0, y: place.y < 0 ? -VIOLATION_CLEAR : VIOLATION_CLEAR } : sideClear(place, r);
  // …and a label above the top node or below the bottom one (moved out past a violation ring)
  // could leave the drawing at its top or bottom, under the compare pane's header badge
  // (issue 17): slide it back inside too.
  const [shift, setShift] = useState({ x: 0, y: 0 });
  const rows = useRef<{ key: string; y: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const g = labels.current;
    const box = g?.ownerSVGElement?.viewBox.baseVal;
    if (!g || !box?.width) return;
    // getBBox forces a layout: measure only a label that could reach an edge, judged by a
    // generous width for its text (13 px a character, a wide CJK one included) and its two
    // lines' height, so a seek does not lay the page out once per node (it cost 30 ms a seek
    // at 129k events).
    const longest = Math.max(id.length, p.sub?.length ?? 0) * 13;
    // Judged at the label's own place beside the node (from which it may have been stacked).
    const sideAway = !p.violation || side.anchor === 'middle' ? away : sideClear(side, r);
    const x0 = at.x + sideAway.x + side.x;
    const [lo, hi] = side.anchor === 'start' ? [x0, x0 + longest] : side.anchor === 'end' ? [x0 - longest, x0] : [x0 - longest / 2, x0 + longest / 2];
    const y0 = at.y + sideAway.y + side.y;
    const fitsX = lo >= 2 && hi <= box.width - 2;
    if (fitsX && y0 - 16 >= 2 && y0 + 17 <= box.height - 2) {
      setStacked(false);
      setShift((s) => (s.x || s.y ? { x: 0, y: 0 } : s));
      return;
    }
    // A label whose width clearly fits needs only its rows' top and height, which depend on
    // where it is drawn and how many lines (and which script) it has, not on its text: measured
    // once per place, not on every seek that changes its text (a forced layout inside the seek's
    // commit, in 7 seeks of 10 at 1400 px: issue 17, item 5).
    const key = rowsKey(place, p.sub, id, box);
    const known = fitsX && !stacked && rows.current?.key === key ? rows.current : null;
    const bb = known ? { x: 0, width: 0, y: known.y, height: known.height } : g.getBBox();
    if (!known) rows.current = { key, y: bb.y, height: bb.height };
    const left = at.x + away.x + bb.x;
    const right = left + bb.width;
    const top = at.y + away.y + bb.y;
    const bottom = top + bb.height;
    // Known rows: the width fits (judged generously above), so nothing slides sideways.
    const x = known ? 0 : left < 2 ? 2 - left : right > box.width - 2 ? box.width - 2 - right : 0;
    if (!stacked && side.anchor !== 'middle' && Math.abs(x) > SLIDE_MAX) {
      // Measured again once drawn stacked.
      setStacked(true);
      return;
    }
    const y = top < 2 ? 2 - top : bottom > box.height - 2 ? box.height - 2 - bottom : 0;
    setShift((s) => (s.x === x && s.y === y ? s : { x, y }));
  }, [at.x, at.y, away.x, away.y, place.x, place.y, place.anchor, side.x, side.y, side.anchor, stacked, p.violation, id, p.sub]);
  const click = (e: MouseEvent) => {
    e.stopPropagation();
    p.onSelect(id);
  };
  const menu = (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    p.onMenu(id, { x: e.clientX, y: e.clientY });
  };
  const key = (e: KeyboardEvent) => {
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      e.stopPropagation();
      p.onMenu(id, null);
    } else if (e.key === 'Enter') {
      // Space is not taken here: it plays, wherever the focus is.
      e.preventDefault();
      e.stopPropagation();
      p.onSelect(id);
    }
  };
  const x = r * 0.5;
  const badge = r * 0.78;
  const letterSize = Math.max(11, r * 0.78);
  const stack = letterStack(r, letterSize);
  const cls = `cl-node tone-${up ? p.tone : 'down'}${p.selected ? ' is-selected' : ''}${p.paused ? ' is-paused' : ''}${p.violation ? ' is-violating' : ''}`;
  return (
    <g
      className={cls}
      transform={`translate(${at.x} ${at.y})`}
      role="img"
      aria-label={p.label}
      tabIndex={0}
      data-node={id}
      onClick={click}
      onContextMenu={menu}
      onKeyDown={key}
    >
      <title>{p.title}</title>
      <circle className="cl-node-focus" r={r + 12} />
      {p.violation && <circle className="cl-node-violation" r={r + 16} data-invariant={p.violation} />}
      {p.selected && <circle className="cl-node-select" r={r + 11} />}
      <circle className="cl-node-body" r={r} />
      {up ? (
        <>
          <text className="cl-node-letter" y={p.term ? stack.letter : 0} fontSize={letterSize}>
            {p.letter}
          </text>
          {p.term && (
            <text className="cl-node-term" y={stack.term} fontSize={Math.max(9, r * 0.32)} {...fitTerm(p.term, r)}>
              {p.term}
            </text>
          )}
        </>
      ) : (
        <path className="cl-node-cross" d={`M${-x},${-x}L${x},${x}M${x},${-x}L${-x},${x}`} />
      )}
      <g ref={labels} transform={shift.x || shift.y || away.x || away.y ? `translate(${shift.x + away.x} ${shift.y + away.y})` : undefined}>
        <text className="cl-node-id" x={place.x} y={place.y - 6} textAnchor={place.anchor}>
          {id}
        </text>
        {p.sub && (
          <text className="cl-node-sub" x={place.x} y={place.y + 9} textAnchor={place.anchor}>
            {p.sub}
          </text>
        )}
      </g>
      {p.paused && (
        <g className="cl-badge cl-badge-pause" transform={`translate(${-badge} ${-badge})`}>
          <circle r={9} />
          <path d="M-3.2,-4.2V4.2M3.2,-4.2V4.2" />
        </g>
      )}
      {p.violation && (
        <g className="cl-badge cl-badge-violation" transform={`translate(${-badge} ${badge})`}>
          <circle r={9} />
          <text y={0.5}>!</text>
        </g>
      )}
      {p.locked && (
        <g className="cl-badge cl-badge-lock" transform={`translate(${badge} ${badge})`} data-locked="true">
          <circle r={9} />
          <path className="cl-lock-shackle" d="M-2.8,-1.2V-3.4a2.8,2.8 0 0 1 5.6,0V-1.2" />
          <rect x={-4.2} y={-1.4} width={8.4} height={6} rx={1.2} />
        </g>
      )}
      {p.rate !== 1 && (
        <g className="cl-badge cl-badge-skew" transform={`translate(${badge} ${-badge})`}>
          <rect x={-4} y={-9} width={20 + 6.2 * rateText(p.rate).length} height={18} rx={9} />
          <circle cx={5} r={4.6} />
          <path d="M5,-2.6V0L6.8,1.4" />
          <text x={12} y={0.5}>
            {rateText(p.rate)}
          </text>
        </g>
      )}
    </g>
  );
});
