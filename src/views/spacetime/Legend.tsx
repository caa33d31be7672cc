/** The key to the diagram's marks, drawn by the same glyph code as the diagram. */
import { memo } from 'react';
import type { Translate } from './describe';
import { C, drawGlyph, FUTURE_ALPHA } from './render';
import { SvgPainter } from './paint';
import { hatchLines } from './layout';

function icon(draw: (p: SvgPainter) => void): string {
  const p = new SvgPainter();
  draw(p);
  return p.markup();
}

const INK = '#475569';

/** Markup of each icon, in a 28 × 16 box. Built once: it is static. */
const ICONS = {
  request: icon((p) => {
    p.line(2, 13, 21, 4, { stroke: INK, width: 1.6 });
    p.poly([19.5, 8.6, 26, 2.5, 17.2, 3.6], { fill: INK });
  }),
  reply: icon((p) => {
    p.line(2, 13, 24, 3.5, { stroke: INK, width: 1.3 });
    p.poly([18.6, 9.4, 25, 3, 16.5, 4.6], { stroke: INK, width: 1.4 }, false);
  }),
  heartbeat: icon((p) => {
    p.line(2, 13, 24, 3.5, { stroke: INK, width: 1 });
    p.poly([18.6, 9.4, 25, 3, 16.5, 4.6], { fill: INK });
  }),
  duplicate: icon((p) => p.line(2, 13, 26, 3, { stroke: INK, width: 1.6, dash: [4, 3] })),
  lost: icon((p) => {
    p.line(2, 13, 20, 5, { stroke: INK, width: 1.6 });
    drawGlyph(p, 'lost', 21, 5);
  }),
  flight: icon((p) => {
    p.line(2, 13, 16, 7, { stroke: INK, width: 1.6 });
    p.line(16, 7, 26, 3, { stroke: INK, width: 1.6, alpha: FUTURE_ALPHA });
    p.circle(16, 7, 3, { fill: INK, stroke: '#fff', width: 1 });
  }),
  down: icon((p) => {
    p.rect(1, 2, 26, 12, { fill: C.downBg, stroke: C.downLine, width: 1 });
    const h = hatchLines(1, 2, 26, 12, 6);
    p.segments(h, h.length, { stroke: C.downLine, width: 1 });
  }),
  paused: icon((p) => {
    p.rect(1, 2, 26, 12, { fill: C.pauseBg, stroke: C.pauseLine, width: 1 });
    p.line(1, 8, 27, 8, { stroke: C.pauseLine, width: 1.5, dash: [2, 3] });
  }),
  partition: icon((p) => {
    p.rect(1, 1, 26, 6.5, { fill: '#eff6ff' });
    p.rect(1, 8.5, 26, 6.5, { fill: '#fff7ed' });
    p.line(4, 0, 4, 16, { stroke: C.dangerSoft, width: 1, dash: [3, 2] });
  }),
  violation: icon((p) => drawGlyph(p, 'violation', 14, 8)),
  future: icon((p) => {
    p.rect(14, 0, 14, 16, { fill: C.future });
    p.line(14, 0, 14, 16, { stroke: C.accent, width: 1.5 });
    p.line(2, 12, 14, 8, { stroke: INK, width: 1.6 });
    p.line(14, 8, 26, 4, { stroke: INK, width: 1.6, alpha: FUTURE_ALPHA });
  }),
} as const;

const FAULTS = ['crash', 'restart', 'pause', 'resume', 'timeout', 'command'] as const;
const FAULT_ICONS = Object.fromEntries(FAULTS.map((k) => [k, icon((p) => drawGlyph(p, k, 8, 8))]));

/** The icon markup, drawn by the diagram's own painter, as an image: markup loaded as an image
 * cannot run script, and no HTML is injected into the page. */
function svgImage(markup: string, w: number, h: number): string {
  return `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${markup}</svg>`)}`;
}

export const Legend = memo(function Legend({ t, hintId }: { t: Translate; hintId: string }) {
  const items: [keyof typeof ICONS, Parameters<Translate>[0]][] = [
    ['request', 'spacetime.legend.request'],
    ['reply', 'spacetime.legend.reply'],
    ['heartbeat', 'spacetime.legend.heartbeat'],
    ['duplicate', 'spacetime.legend.duplicate'],
    ['lost', 'spacetime.legend.lost'],
    ['flight', 'spacetime.legend.flight'],
    ['down', 'spacetime.legend.down'],
    ['paused', 'spacetime.legend.paused'],
    ['partition', 'spacetime.legend.partition'],
    ['violation', 'spacetime.legend.violation'],
    ['future', 'spacetime.legend.future'],
  ];
  return (
    <ul className="st-legend" aria-label={t('spacetime.legend')}>
      {items.map(([k, label]) => (
        <li key={k}>
          <img src={svgImage(ICONS[k], 28, 16)} width={28} height={16} alt="" aria-hidden="true" />
          {t(label)}
        </li>
      ))}
      <li>
        <span className="st-legend-faults" aria-hidden="true">
          {FAULTS.map((k) => (
            <img key={k} src={svgImage(FAULT_ICONS[k]!, 16, 16)} width={16} height={16} alt="" aria-hidden="true" />
          ))}
        </span>
        {t('spacetime.legend.faults')}
      </li>
      <li className="st-hint" id={hintId}>
        {t('spacetime.hint')}
      </li>
    </ul>
  );
});
