/**
 * Pictures of views, generic over what a view draws with: an <svg> is cloned with the
 * computed styles it needs inlined (so the standalone file looks like the screen), with an XML
 * header and a background; a PNG is that SVG drawn on a canvas at 2×. A <canvas> view that
 * can draw itself as SVG markup (the space-time diagram) is exported the same way from that
 * markup; any other canvas as its pixels (PNG), or those pixels wrapped in an SVG.
 */

export type ImageTarget = SVGSVGElement | HTMLCanvasElement;
export type ImageFormat = 'svg' | 'png';
export type ViewId = 'cluster' | 'spacetime';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';
export const PNG_SCALE = 2;

/** Where each view's drawing is; a container is searched for its first <svg> or <canvas>. */
const SELECTORS: Record<ViewId, string> = {
  cluster: '[data-testid="clusterview"] svg.cl-svg, [data-testid="clusterview"] svg',
  spacetime: '[data-testid="spacetime-canvas"]',
};

const isSvg = (el: Element): el is SVGSVGElement => el.namespaceURI === SVG_NS && el.localName === 'svg';
const isCanvas = (el: Element): el is HTMLCanvasElement => el instanceof HTMLCanvasElement;

export function findTarget(view: ViewId, root: ParentNode = document): ImageTarget | null {
  const el = root.querySelector(SELECTORS[view]);
  if (!el) return null;
  if (isSvg(el) || isCanvas(el)) return el;
  const inner = el.querySelector('svg, canvas');
  return inner && (isSvg(inner) || isCanvas(inner)) ? inner : null;
}

/** Inherited properties: written where they differ from the parent (all of them on the root). */
const INHERITED = [
  'color',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'white-space',
];
/** Own properties: written where they differ from the element's default. */
const OWN = ['opacity', 'display', 'filter', 'clip-path', 'mask', 'marker-start', 'marker-mid', 'marker-end', 'stop-color', 'stop-opacity', 'mix-blend-mode', 'baseline-shift'];
/** Written only where a stylesheet (not the element's own attribute) moves the element. */
const CSS_TRANSFORM = ['transform', 'transform-origin', 'transform-box'];

/** Computed defaults per tag, from a bare element in a hidden, unstyled <svg>. */
function defaultsFor(sandbox: SVGSVGElement, cache: Map<string, Map<string, string>>, tag: string): Map<string, string> {
  let d = cache.get(tag);
  if (!d) {
    const el = document.createElementNS(SVG_NS, tag);
    sandbox.append(el);
    const cs = getComputedStyle(el);
    d = new Map(OWN.map((p) => [p, cs.getPropertyValue(p)]));
    el.remove();
    cache.set(tag, d);
  }
  return d;
}

/** The first non-transparent background behind an element, or white. */
export function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

function sizeOf(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { x: vb.x, y: vb.y, width: vb.width, height: vb.height };
  const r = svg.getBoundingClientRect();
  return { x: 0, y: 0, width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) };
}

/** A standalone SVG document of `svg` as it looks now. */
export function serializeSvg(svg: SVGSVGElement, background = backgroundOf(svg)): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sandbox = document.createElementNS(SVG_NS, 'svg');
  sandbox.setAttribute('aria-hidden', 'true');
  sandbox.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;left:-9999px';
  document.body.append(sandbox);
  const defaults = new Map<string, Map<string, string>>();
  try {
    const originals = [svg, ...svg.querySelectorAll('*')];
    const copies = [clone, ...clone.querySelectorAll('*')];
    const computed = new Map<Element, CSSStyleDeclaration>();
    originals.forEach((el, i) => {
      const copy = copies[i]!;
      const cs = getComputedStyle(el);
      computed.set(el, cs);
      const parent = el === svg ? null : computed.get(el.parentElement!) ?? null;
      const decl: string[] = [];
      for (const p of INHERITED) {
        const v = cs.getPropertyValue(p);
        if (v && (!parent || parent.getPropertyValue(p) !== v)) decl.push(`${p}:${v}`);
      }
      const d = defaultsFor(sandbox, defaults, el.localName);
      for (const p of OWN) {
        const v = cs.getPropertyValue(p);
        if (v && v !== d.get(p)) decl.push(`${p}:${v}`);
      }
      if (!el.hasAttribute('transform') && el !== svg && cs.transform && cs.transform !== 'none') {
        for (const p of CSS_TRANSFORM) decl.push(`${p}:${cs.getPropertyValue(p)}`);
      }
      copy.removeAttribute('style');
      copy.removeAttribute('tabindex');
      if (decl.length) copy.setAttribute('style', decl.join(';'));
    });
  } finally {
    sandbox.remove();
  }
  const box = sizeOf(svg);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('version', '1.1');
  clone.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  const rect = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [['x', box.x], ['y', box.y], ['width', box.width], ['height', box.height]] as const) rect.setAttribute(k, String(v));
  rect.setAttribute('fill', background);
  clone.insertBefore(rect, clone.firstChild);
  return { text: XML_HEADER + new XMLSerializer().serializeToString(clone), width: box.width, height: box.height };
}

/** The width and height an SVG document declares (its view box when it has no size). */
export function svgSize(markup: string): { width: number; height: number } {
  const root = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  const vb = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Number.parseFloat(root.getAttribute('width') ?? '') || vb[2] || 300;
  const height = Number.parseFloat(root.getAttribute('height') ?? '') || vb[3] || 150;
  return { width, height };
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}

/** Draws an SVG document on a canvas `scale` times its size and encodes it as PNG. */
export async function svgToPng(text: string, width: number, height: number, scale = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await toBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas's pixels over the view's background (a canvas may be transparent). */
function flatten(canvas: HTMLCanvasElement, background: string): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  return out;
}

/** A canvas as a standalone SVG: its pixels as an embedded PNG, at its CSS size. */
export function canvasToSvg(canvas: HTMLCanvasElement, background = backgroundOf(canvas)): string {
  const width = Math.round(canvas.clientWidth || canvas.width);
  const height = Math.round(canvas.clientHeight || canvas.height);
  const data = flatten(canvas, background).toDataURL('image/png');
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('version', '1.1');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const image = doc.createElementNS(SVG_NS, 'image');
  image.setAttribute('width', String(width));
  image.setAttribute('height', String(height));
  image.setAttribute('href', data);
  root.append(image);
  return XML_HEADER + new XMLSerializer().serializeToString(doc);
}

/**
 * The picture of a view, as a file's contents. A canvas view may offer `vector`, its drawing as
 * SVG markup (without the XML header), for a true vector file instead of embedded pixels.
 */
export async function renderImage(target: ImageTarget, format: ImageFormat, vector?: () => string): Promise<Blob> {
  if (isCanvas(target)) {
    const markup = vector?.();
    if (markup) {
      if (format === 'svg') return new Blob([XML_HEADER + markup], { type: 'image/svg+xml' });
      const { width, height } = svgSize(markup);
      return svgToPng(markup, width, height);
    }
    if (format === 'png') return toBlob(flatten(target, backgroundOf(target)));
    return new Blob([canvasToSvg(target)], { type: 'image/svg+xml' });
  }
  const { text, width, height } = serializeSvg(target);
  if (format === 'svg') return new Blob([text], { type: 'image/svg+xml' });
  return svgToPng(text, width, height);
}
