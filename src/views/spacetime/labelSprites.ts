/**
 * The space-time canvas's haloed labels ("dup", "down", a group's number, "↛ n3"), each drawn
 * once into a small canvas of its own and then copied: stroking a halo around every glyph on
 * every draw was the diagram's largest cost when a seek redrew it (`strokeText`, issue 17,
 * item 5). The same few labels repeat all over the window, so the cache stays small.
 */
import type { TextStyle } from './paint';

/** Room around the text for the 3 px halo (1.5 px out) and antialiasing, in CSS px. */
const PAD = 3;
/** Dropped and rebuilt past this many labels (a run's partition labels vary). */
const MAX_SPRITES = 400;

interface Sprite {
  canvas: HTMLCanvasElement;
  /** The text's advance, in CSS px: where the anchor puts it. */
  width: number;
  /** The sprite's size in CSS px. */
  w: number;
  h: number;
  /** Where the text's middle is, from the sprite's top. */
  mid: number;
}

export class LabelSprites {
  private readonly sprites = new Map<string, Sprite | null>();

  /** Draws `text` centred vertically on y, as the painter's text would; false when it cannot
   * (no document, or a transform that is not a plain scale): the caller draws it then. */
  draw(c: CanvasRenderingContext2D, x: number, y: number, text: string, font: string, s: TextStyle): boolean {
    if (typeof document === 'undefined' || !s.halo) return false;
    const m = c.getTransform();
    if (m.b !== 0 || m.c !== 0 || m.a !== m.d || m.a <= 0) return false;
    const k = m.a;
    const key = `${k}|${font}|${s.fill}|${s.halo}|${text}`;
    let sprite = this.sprites.get(key);
    if (sprite === undefined) {
      if (this.sprites.size >= MAX_SPRITES) this.sprites.clear();
      sprite = makeSprite(text, font, s.size, s.fill, s.halo, k);
      this.sprites.set(key, sprite);
    }
    if (!sprite) return false;
    const left = x - (s.anchor === 'middle' ? sprite.width / 2 : s.anchor === 'end' ? sprite.width : 0) - PAD;
    const top = y - sprite.mid;
    // On whole device pixels, so the copy is not resampled.
    c.drawImage(sprite.canvas, Math.round((left + m.e / k) * k) / k - m.e / k, Math.round((top + m.f / k) * k) / k - m.f / k, sprite.w, sprite.h);
    return true;
  }
}

function makeSprite(text: string, font: string, size: number, fill: string, halo: string, k: number): Sprite | null {
  const canvas = document.createElement('canvas');
  const t = canvas.getContext('2d');
  if (!t) return null;
  t.font = font;
  const width = t.measureText(text).width;
  const w = Math.ceil(width + 2 * PAD);
  const h = Math.ceil(size * 1.6 + 2 * PAD);
  canvas.width = Math.ceil(w * k);
  canvas.height = Math.ceil(h * k);
  // Resizing reset the context: set it up again.
  t.scale(k, k);
  t.font = font;
  t.textAlign = 'left';
  t.textBaseline = 'middle';
  t.strokeStyle = halo;
  t.lineWidth = 3;
  t.lineJoin = 'round';
  t.strokeText(text, PAD, h / 2);
  t.fillStyle = fill;
  t.fillText(text, PAD, h / 2);
  return { canvas, width, w: canvas.width / k, h: canvas.height / k, mid: h / 2 };
}
