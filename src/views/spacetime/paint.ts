import { LabelSprites } from './labelSprites';

/**
 * One drawing interface, two back ends: a canvas (what the page shows, fast at any size) and
 * SVG markup (export). The diagram is drawn once through it, so both look the same.
 */

export interface Style {
  stroke?: string;
  fill?: string;
  width?: number;
  dash?: readonly number[];
  alpha?: number;
  cap?: 'butt' | 'round';
}

export interface TextStyle {
  fill: string;
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
  alpha?: number;
  mono?: boolean;
  /** A halo behind the text so it stays legible over lines. */
  halo?: string;
}

export interface Painter {
  rect(x: number, y: number, w: number, h: number, s: Style): void;
  line(x1: number, y1: number, x2: number, y2: number, s: Style): void;
  /** Many rectangles in one style: flat [x, y, w, h, …], the first `count` numbers. */
  rects(flat: ArrayLike<number>, count: number, s: Style): void;
  /** A rectangle filled with 45° hatch lines `gap` px apart, on a grid anchored at x = phase. */
  hatch(x: number, y: number, w: number, h: number, gap: number, phase: number, s: Style): void;
  /** Many segments in one style: flat [x1, y1, x2, y2, …], the first `count` numbers. */
  segments(flat: ArrayLike<number>, count: number, s: Style): void;
  /** A polygon (closed, when filled) or a polyline (stroke only): flat [x, y, …]. */
  poly(points: readonly number[], s: Style, closed?: boolean): void;
  circle(x: number, y: number, r: number, s: Style): void;
  /** Text centred vertically on y. */
  text(x: number, y: number, text: string, s: TextStyle): void;
  /** Width of `text` in px (an estimate where it cannot be measured). */
  measure(text: string, size: number): number;
}

export const SANS = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans SC', sans-serif";
export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const NO_DASH: number[] = [];

export class CanvasPainter implements Painter {
  /** Setting ctx.font parses the string: only do it when it changes. */
  private font = '';
  private widths = new Map<string, number>();
  /** Haloed labels, drawn once each and then copied (stroking glyph outlines is slow). */
  private readonly labels = new LabelSprites();

  constructor(private readonly ctx: CanvasRenderingContext2D) {}

  /** After the canvas is resized (which resets its state). */
  reset(): void {
    this.font = '';
  }

  private setFont(font: string): void {
    if (font === this.font) return;
    this.ctx.font = font;
    this.font = font;
  }

  private style(s: Style): void {
    const c = this.ctx;
    c.globalAlpha = s.alpha ?? 1;
    if (s.stroke) {
      c.strokeStyle = s.stroke;
      c.lineWidth = s.width ?? 1;
      c.lineCap = s.cap ?? 'butt';
      c.setLineDash((s.dash as number[] | undefined) ?? NO_DASH);
    }
    if (s.fill) c.fillStyle = s.fill;
  }

  rect(x: number, y: number, w: number, h: number, s: Style): void {
    this.style(s);
    if (s.fill) this.ctx.fillRect(x, y, w, h);
    if (s.stroke) this.ctx.strokeRect(x, y, w, h);
  }

  rects(flat: ArrayLike<number>, count: number, s: Style): void {
    if (count < 4) return;
    const c = this.ctx;
    this.style(s);
    // fillRect is the canvas' fast path; one path of thousands of rectangles is not.
    if (s.fill) for (let i = 0; i + 3 < count; i += 4) c.fillRect(flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!);
    if (s.stroke) for (let i = 0; i + 3 < count; i += 4) c.strokeRect(flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!);
  }

  line(x1: number, y1: number, x2: number, y2: number, s: Style): void {
    const c = this.ctx;
    this.style(s);
    c.beginPath();
    c.moveTo(x1, y1);
    c.lineTo(x2, y2);
    c.stroke();
  }

  private patterns = new Map<string, CanvasPattern | null>();

  /** One pattern fill instead of many lines: far cheaper to rasterize on wide spans. */
  hatch(x: number, y: number, w: number, h: number, gap: number, phase: number, s: Style): void {
    const key = `${gap}|${s.stroke}|${s.width ?? 1}`;
    let pattern = this.patterns.get(key);
    if (pattern === undefined) {
      pattern = null;
      if (typeof document !== 'undefined') {
        const scale = 4;
        const tile = document.createElement('canvas');
        tile.width = tile.height = gap * scale;
        const t = tile.getContext('2d');
        if (t) {
          t.scale(scale, scale);
          t.strokeStyle = s.stroke ?? '#000';
          t.lineWidth = s.width ?? 1;
          t.beginPath();
          for (const d of [-gap, 0, gap]) {
            t.moveTo(d - 1, gap + 1);
            t.lineTo(d + gap + 1, -1);
          }
          t.stroke();
          pattern = this.ctx.createPattern(tile, 'repeat');
        }
      }
      this.patterns.set(key, pattern);
    }
    if (!pattern) return;
    const c = this.ctx;
    pattern.setTransform(new DOMMatrix([1 / 4, 0, 0, 1 / 4, phase, y]));
    c.globalAlpha = s.alpha ?? 1;
    c.fillStyle = pattern;
    c.fillRect(x, y, w, h);
  }

  segments(flat: ArrayLike<number>, count: number, s: Style): void {
    if (count < 4) return;
    const c = this.ctx;
    this.style(s);
    c.beginPath();
    for (let i = 0; i + 3 < count; i += 4) {
      c.moveTo(flat[i]!, flat[i + 1]!);
      c.lineTo(flat[i + 2]!, flat[i + 3]!);
    }
    c.stroke();
  }

  poly(points: readonly number[], s: Style, closed = !!s.fill): void {
    const c = this.ctx;
    this.style(s);
    c.beginPath();
    c.moveTo(points[0]!, points[1]!);
    for (let i = 2; i + 1 < points.length; i += 2) c.lineTo(points[i]!, points[i + 1]!);
    if (closed) c.closePath();
    if (s.fill) c.fill();
    if (s.stroke) c.stroke();
  }

  circle(x: number, y: number, r: number, s: Style): void {
    const c = this.ctx;
    this.style(s);
    c.beginPath();
    c.arc(x, y, r, 0, Math.PI * 2);
    if (s.fill) c.fill();
    if (s.stroke) c.stroke();
  }

  text(x: number, y: number, text: string, s: TextStyle): void {
    const c = this.ctx;
    c.globalAlpha = s.alpha ?? 1;
    const font = `${s.weight === 'bold' ? '600 ' : ''}${s.size}px ${s.mono ? MONO : SANS}`;
    if (s.halo && this.labels.draw(c, x, y, text, font, s)) return;
    this.setFont(font);
    c.textAlign = s.anchor === 'middle' ? 'center' : s.anchor === 'end' ? 'right' : 'left';
    c.textBaseline = 'middle';
    if (s.halo) {
      c.strokeStyle = s.halo;
      c.lineWidth = 3;
      c.lineJoin = 'round';
      c.setLineDash(NO_DASH);
      c.strokeText(text, x, y);
    }
    c.fillStyle = s.fill;
    c.fillText(text, x, y);
  }

  measure(text: string, size: number): number {
    const key = `${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.setFont(`${size}px ${SANS}`);
      w = this.ctx.measureText(text).width;
      // Labels repeat (tick values, "down"): a small cache, cleared when it grows.
      if (this.widths.size > 2000) this.widths.clear();
      this.widths.set(key, w);
    }
    return w;
  }
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

const n2 = (v: number) => String(Math.round(v * 100) / 100 + 0);

export class SvgPainter implements Painter {
  readonly parts: string[] = [];

  private attrs(s: Style): string {
    let a = ` fill="${s.fill ?? 'none'}"`;
    if (s.stroke) {
      a += ` stroke="${s.stroke}" stroke-width="${n2(s.width ?? 1)}"`;
      if (s.dash && s.dash.length) a += ` stroke-dasharray="${s.dash.join(' ')}"`;
      if (s.cap === 'round') a += ' stroke-linecap="round"';
    }
    if (s.alpha !== undefined && s.alpha < 1) a += ` opacity="${n2(s.alpha)}"`;
    return a;
  }

  rect(x: number, y: number, w: number, h: number, s: Style): void {
    this.parts.push(`<rect x="${n2(x)}" y="${n2(y)}" width="${n2(w)}" height="${n2(h)}"${this.attrs(s)}/>`);
  }

  line(x1: number, y1: number, x2: number, y2: number, s: Style): void {
    this.parts.push(`<line x1="${n2(x1)}" y1="${n2(y1)}" x2="${n2(x2)}" y2="${n2(y2)}"${this.attrs(s)}/>`);
  }

  rects(flat: ArrayLike<number>, count: number, s: Style): void {
    if (count < 4) return;
    let d = '';
    for (let i = 0; i + 3 < count; i += 4) d += `M${n2(flat[i]!)},${n2(flat[i + 1]!)}h${n2(flat[i + 2]!)}v${n2(flat[i + 3]!)}h${n2(-flat[i + 2]!)}Z`;
    this.parts.push(`<path d="${d}"${this.attrs(s)}/>`);
  }

  private hatches = new Set<string>();

  hatch(x: number, y: number, w: number, h: number, gap: number, phase: number, s: Style): void {
    const id = `st-hatch-${String(gap).replace('.', '_')}-${String(Math.round(phase * 100)).replace('-', 'm')}`;
    if (!this.hatches.has(id)) {
      this.hatches.add(id);
      this.parts.push(
        `<defs><pattern id="${id}" patternUnits="userSpaceOnUse" width="${gap}" height="${gap}" patternTransform="translate(${n2(phase)} 0)">` +
          `<path d="M-1,${gap + 1}L${gap + 1},-1M${-gap - 1},${gap + 1}L1,-1M${gap - 1},${gap + 1}L${2 * gap + 1},-1" stroke="${s.stroke ?? '#000'}" stroke-width="${n2(s.width ?? 1)}"/></pattern></defs>`,
      );
    }
    const alpha = s.alpha !== undefined && s.alpha < 1 ? ` opacity="${n2(s.alpha)}"` : '';
    this.parts.push(`<rect x="${n2(x)}" y="${n2(y)}" width="${n2(w)}" height="${n2(h)}" fill="url(#${id})"${alpha}/>`);
  }

  segments(flat: ArrayLike<number>, count: number, s: Style): void {
    if (count < 4) return;
    let d = '';
    for (let i = 0; i + 3 < count; i += 4) d += `M${n2(flat[i]!)},${n2(flat[i + 1]!)}L${n2(flat[i + 2]!)},${n2(flat[i + 3]!)}`;
    this.parts.push(`<path d="${d}"${this.attrs({ ...s, fill: undefined })}/>`);
  }

  poly(points: readonly number[], s: Style, closed = !!s.fill): void {
    const pts: string[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) pts.push(`${n2(points[i]!)},${n2(points[i + 1]!)}`);
    this.parts.push(`<${closed ? 'polygon' : 'polyline'} points="${pts.join(' ')}"${this.attrs(s)}/>`);
  }

  circle(x: number, y: number, r: number, s: Style): void {
    this.parts.push(`<circle cx="${n2(x)}" cy="${n2(y)}" r="${n2(r)}"${this.attrs(s)}/>`);
  }

  text(x: number, y: number, text: string, s: TextStyle): void {
    const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
    const weight = s.weight === 'bold' ? ' font-weight="600"' : '';
    const family = s.mono ? MONO : SANS;
    const alpha = s.alpha !== undefined && s.alpha < 1 ? ` opacity="${n2(s.alpha)}"` : '';
    const halo = s.halo ? ` stroke="${s.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : '';
    this.parts.push(
      `<text x="${n2(x)}" y="${n2(y)}" dominant-baseline="central" font-size="${s.size}" font-family="${escapeXml(family)}" fill="${s.fill}"${anchor}${weight}${alpha}${halo}>${escapeXml(text)}</text>`,
    );
  }

  /** An estimate: about 0.58 em per Latin character, 1 em per CJK character. */
  measure(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.58;
    return w * size;
  }

  markup(): string {
    return this.parts.join('');
  }
}
