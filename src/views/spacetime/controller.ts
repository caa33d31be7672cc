/**
 * The diagram's leaf widget: owns the canvas, d3-zoom on it, the visible time window and the
 * pointer. It reads the session store and calls its actions; React renders everything around it.
 * Drawing is coalesced to one per animation frame and touches only what is in view.
 */
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { SessionState, SessionStore } from '../../store/session';
import {
  DEFAULT_SPAN,
  MIN_SPAN,
  PAN_STEP,
  REF_SPAN,
  RIGHT_PAD,
  LEFT_PAD,
  ZOOM_STEP,
  clampWindow,
  diagramHeight,
  fitWindow,
  followWindow,
  panWindow,
  span,
  transformFor,
  windowFor,
  zoomWindow,
  type TimeWindow,
} from './layout';
import { indexFor, type RunIndex } from './runIndex';
import { heartbeatsHidden, isHeartbeat } from '../heartbeats';
import { buildScene, emptyScene, hitTest, sameHit, type Hit, type Scene, type SceneInput } from './scene';
import { renderScene, formatMs, type RenderLabels } from './render';
import { CanvasPainter } from './paint';
import { describeHit, runSummary, viewSummary, type TipText, type Translate } from './describe';
import { publishView } from './exportSvg';

export interface Tip extends TipText {
  x: number;
  y: number;
}

export interface ControllerCallbacks {
  onFollow(follow: boolean): void;
  onTip(tip: Tip | null): void;
}

export interface ControllerElements {
  canvas: HTMLCanvasElement;
  stage: HTMLElement;
  track: HTMLElement;
  thumb: HTMLElement;
  status: HTMLElement;
}

export interface Texts {
  t: Translate;
  labels: RenderLabels;
  invariantName(id: string): string;
  /** A violation's message in the reader's language. */
  violationText?(message: string): string;
}

/** Identity of a run for the view: a fork keeps it (and the window), a new scenario does not. */
function runKey(s: SessionState): string {
  const sc = s.sim.scenario;
  return `${sc.protocol}|${sc.name ?? ''}|${sc.seed}|${sc.nodes.join(',')}|${sc.until}`;
}

export class SpaceTimeController {
  private win: TimeWindow = { start: 0, end: DEFAULT_SPAN };
  private width = 0;
  private follow = true;
  private hover: Hit | null = null;
  private scene: Scene | null = null;
  private raf = 0;
  private key = '';
  private draws = 0;
  private readonly zoomer: ZoomBehavior<HTMLCanvasElement, unknown>;
  private readonly painter: CanvasPainter | null;
  private readonly reduced = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  private cleanup: (() => void)[] = [];
  private summaryKey = '';
  private summaryRun = '';
  private lastLabel = '';

  constructor(
    private readonly store: SessionStore,
    private readonly el: ControllerElements,
    private texts: Texts,
    private readonly cb: ControllerCallbacks,
  ) {
    const ctx = el.canvas.getContext('2d');
    this.painter = ctx ? new CanvasPainter(ctx) : null;
    this.zoomer = zoom<HTMLCanvasElement, unknown>()
      .filter((e: Event) => {
        if (e.type === 'wheel') {
          const w = e as WheelEvent;
          return !w.shiftKey && Math.abs(w.deltaY) >= Math.abs(w.deltaX);
        }
        const m = e as MouseEvent;
        return !m.ctrlKey && !m.button;
      })
      .clickDistance(4)
      // The canvas's size as we set it: d3-zoom's default reads clientWidth, which forces a
      // layout on every cursor move that scrolls the window (issue 17: smooth scrubbing).
      .extent(() => [
        [0, 0],
        [Math.max(1, this.width), diagramHeight(this.store.getState().sim.scenario.nodes.length)],
      ])
      .constrain((tr) => {
        if (this.width <= 0) return tr;
        const w = windowFor(tr.k, tr.x, this.width);
        const c = clampWindow(w, this.boundsEnd());
        if (c === w) return tr;
        const { k, x } = transformFor(c, this.width);
        return zoomIdentity.translate(x, 0).scale(k);
      })
      .on('zoom', (e: D3ZoomEvent<HTMLCanvasElement, unknown>) => this.onZoom(e));
  }

  attach(): void {
    const { canvas, stage, track, thumb } = this.el;
    const sel = select(canvas);
    sel.call(this.zoomer).on('dblclick.zoom', null);
    this.cleanup.push(() => sel.on('.zoom', null));

    const resize = () => {
      const w = Math.floor(stage.clientWidth);
      if (w <= 0 || w === this.width) return;
      this.width = w;
      this.setWindow(this.win);
      this.requestDraw();
    };
    const ro = new ResizeObserver(resize);
    ro.observe(stage);
    this.cleanup.push(() => ro.disconnect());

    this.key = runKey(this.store.getState());
    this.reset(this.store.getState());
    this.cleanup.push(this.store.subscribe((s, prev) => this.onStore(s, prev)));

    const on = <K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      target.addEventListener(type, fn as EventListener, opts);
      this.cleanup.push(() => target.removeEventListener(type, fn as EventListener, opts));
    };
    on(canvas, 'mousemove', (e) => this.onPointer(e));
    on(canvas, 'mouseleave', () => this.setHover(null, null));
    on(canvas, 'click', (e) => this.onClick(e));
    // Sideways wheels and shift+wheel pan; d3-zoom gets the rest.
    on(
      canvas,
      'wheel',
      (e) => {
        const sideways = Math.abs(e.deltaX) > Math.abs(e.deltaY);
        if (!sideways && !e.shiftKey) return;
        e.preventDefault();
        const d = sideways ? e.deltaX : e.deltaY;
        this.userPan((d / Math.max(1, this.width)) * span(this.win));
      },
      { passive: false },
    );
    on(track, 'keydown', (e) => this.onKey(e));
    on(track, 'pointerdown', (e) => this.onTrackDown(e, thumb));
    resize();
    this.requestDraw();
  }

  detach(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    for (const fn of this.cleanup.splice(0)) fn();
  }

  setTexts(texts: Texts): void {
    this.texts = texts;
    this.summaryKey = '';
    this.requestDraw();
  }

  // ── the window ───────────────────────────────────────────────────────────────

  private lastTime(s = this.store.getState()): number {
    const ev = s.sim.events;
    return ev.length ? ev[ev.length - 1]!.time : 0;
  }

  /** How far the user may scroll: the recorded run, the cursor, and the window a run opens with. */
  private boundsEnd(s = this.store.getState()): number {
    return Math.max(this.lastTime(s), s.frame.time, Math.min(s.sim.scenario.until, DEFAULT_SPAN), MIN_SPAN);
  }

  /** Where following stops scrolling: the end the run is heading for. */
  private plannedEnd(s = this.store.getState()): number {
    return Math.max(this.lastTime(s), s.frame.time, s.sim.scenario.until);
  }

  private reset(s: SessionState): void {
    const end = Math.max(MIN_SPAN, Math.min(s.sim.scenario.until, DEFAULT_SPAN));
    this.setFollow(true);
    this.hover = null;
    this.cb.onTip(null);
    this.setWindow(followWindow({ start: 0, end }, s.frame.time, this.paged()));
  }

  private paged(): boolean {
    return !!this.reduced?.matches;
  }

  /** Shows `win` (through d3-zoom, so its state stays in step). */
  private setWindow(win: TimeWindow): void {
    this.win = win;
    if (this.width <= 0) return;
    const { k, x } = transformFor(win, this.width);
    this.zoomer.scaleExtent([REF_SPAN / (Math.max(this.boundsEnd(), span(win)) * (1 + LEFT_PAD + RIGHT_PAD)), REF_SPAN / MIN_SPAN]);
    this.zoomer.transform(select(this.el.canvas), zoomIdentity.translate(x, 0).scale(k));
  }

  private onZoom(e: D3ZoomEvent<HTMLCanvasElement, unknown>): void {
    if (this.width <= 0) return;
    this.win = windowFor(e.transform.k, e.transform.x, this.width);
    const src = e.sourceEvent as Event | null | undefined;
    if (src) {
      // A drag pins the view; a wheel zoom keeps following while the cursor stays in view.
      const cursor = this.store.getState().frame.time;
      if (src.type !== 'wheel' || cursor < this.win.start || cursor > this.win.end) this.setFollow(false);
      this.setHover(null, null);
    }
    this.requestDraw();
  }

  setFollow(on: boolean): void {
    if (this.follow === on) return;
    this.follow = on;
    this.cb.onFollow(on);
    if (on) this.keepCursor();
  }

  private keepCursor(): void {
    const s = this.store.getState();
    const w = followWindow(this.win, s.frame.time, this.paged());
    if (w === this.win) return;
    // Nothing recorded beyond the window's end: no need to scroll while the cursor is in view.
    if (s.frame.time >= this.win.start && s.frame.time <= this.win.end && this.win.end >= this.plannedEnd(s)) return;
    this.setWindow(w);
  }

  zoomBy(factor: number): void {
    const cursor = this.store.getState().frame.time;
    const anchor = cursor >= this.win.start && cursor <= this.win.end ? cursor : (this.win.start + this.win.end) / 2;
    this.setWindow(zoomWindow(this.win, factor, anchor, this.boundsEnd()));
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  fit(): void {
    this.setWindow(fitWindow(this.boundsEnd()));
  }

  /** Scrolls by dt ms, as the user: the view stops following. */
  userPan(dt: number): void {
    this.setFollow(false);
    this.setWindow(panWindow(this.win, dt, this.boundsEnd()));
  }

  panBy(fraction: number): void {
    this.userPan(fraction * span(this.win));
  }

  // ── the store ────────────────────────────────────────────────────────────────

  private onStore(s: SessionState, prev: SessionState): void {
    if (s.frame === prev.frame && s.selection === prev.selection && s.sim === prev.sim && s.lang === prev.lang) return;
    if (s.sim !== prev.sim) {
      const key = runKey(s);
      if (key !== this.key) {
        this.key = key;
        this.reset(s);
      }
      this.summaryKey = '';
    }
    if (this.follow && s.frame.time !== prev.frame.time) this.keepCursor();
    this.requestDraw();
  }

  // ── the pointer and keys ─────────────────────────────────────────────────────

  private point(e: MouseEvent): { x: number; y: number } {
    const r = this.el.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private setHover(hit: Hit | null, at: { x: number; y: number } | null): void {
    const changed = !sameHit(hit, this.hover);
    this.hover = hit;
    this.el.canvas.style.cursor = hit && hit.kind !== 'lane' && hit.kind !== 'axis' && hit.kind !== 'partition' ? 'pointer' : '';
    if (!hit || !at) {
      if (changed) this.cb.onTip(null);
    } else if (this.scene) {
      const s = this.store.getState();
      const text = describeHit(
        { t: this.texts.t, index: this.scene.input.index, events: s.sim.events, violations: s.sim.violations, invariantName: this.texts.invariantName, ...(this.texts.violationText ? { violationText: this.texts.violationText } : {}) },
        hit,
      );
      this.cb.onTip({ x: at.x, y: at.y, ...text });
    }
    if (changed) this.requestDraw();
  }

  private onPointer(e: MouseEvent): void {
    if (e.buttons !== 0 || !this.scene) return;
    const p = this.point(e);
    this.setHover(hitTest(this.scene, p.x, p.y), p);
  }

  private onClick(e: MouseEvent): void {
    if (!this.scene) return;
    const p = this.point(e);
    const hit = hitTest(this.scene, p.x, p.y);
    if (!hit) return;
    const s = this.store.getState();
    const index = this.scene.input.index;
    const node = (lane: number) => ({ kind: 'node' as const, id: index.lanes[lane]! });
    s.pause();
    switch (hit.kind) {
      case 'message':
        s.seekStep(index.sendSeq[hit.id]! + 1);
        s.select({ kind: 'message', id: hit.id });
        break;
      case 'event': {
        const ev = s.sim.events[hit.seq]!;
        s.seekStep(hit.seq + 1);
        if (ev.message && (ev.kind === 'drop' || ev.kind === 'duplicate' || ev.kind === 'delay')) s.select({ kind: 'message', id: ev.message.id });
        else if (ev.node) s.select({ kind: 'node', id: ev.node });
        break;
      }
      case 'violation':
        s.seekStep(s.sim.violations[hit.index]!.seq + 1);
        s.select(node(hit.lane));
        break;
      case 'span':
        s.seekStep(hit.span.startSeq + 1);
        s.select(node(hit.span.lane));
        break;
      case 'cut':
        s.seekStep(hit.cut.startSeq + 1);
        s.select(node(hit.cut.from));
        break;
      case 'partition':
      case 'lane':
        s.seekTime(Math.max(0, hit.time));
        s.select(node(hit.lane));
        break;
      case 'axis':
        s.seekTime(Math.max(0, hit.time));
        break;
    }
    this.setHover(hitTest(this.scene, p.x, p.y), p);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const s = span(this.win);
    const end = this.boundsEnd();
    switch (e.key) {
      case 'ArrowLeft':
        this.panBy(-PAN_STEP);
        break;
      case 'ArrowRight':
        this.panBy(PAN_STEP);
        break;
      case 'PageUp':
        this.panBy(-0.9);
        break;
      case 'PageDown':
        this.panBy(0.9);
        break;
      case 'Home':
        this.userPan(-LEFT_PAD * s - this.win.start);
        break;
      case 'End':
        this.userPan(end + RIGHT_PAD * s - this.win.end);
        break;
      case '+':
      case '=':
        this.zoomIn();
        break;
      case '-':
      case '_':
        this.zoomOut();
        break;
      case '0':
        this.fit();
        break;
      case 'f':
      case 'F':
        this.setFollow(!this.follow);
        break;
      default:
        return;
    }
    // The app's shortcuts (← → step the run) must not also see it.
    e.preventDefault();
    e.stopPropagation();
  }

  private trackRange(): { lo: number; total: number } {
    const s = span(this.win);
    const lo = Math.min(0, this.win.start);
    const hi = Math.max(this.boundsEnd(), this.win.end);
    return { lo, total: Math.max(hi - lo, s) };
  }

  private onTrackDown(e: PointerEvent, thumb: HTMLElement): void {
    if (e.button !== 0) return;
    const track = this.el.track;
    const r = track.getBoundingClientRect();
    const { lo, total } = this.trackRange();
    const perPx = total / Math.max(1, r.width);
    if (e.target !== thumb) {
      // A click on the track pages towards it.
      const t = lo + (e.clientX - r.left) * perPx;
      this.panBy(t < this.win.start ? -0.9 : 0.9);
      return;
    }
    e.preventDefault();
    thumb.setPointerCapture(e.pointerId);
    let last = e.clientX;
    const move = (m: PointerEvent) => {
      const dx = m.clientX - last;
      last = m.clientX;
      if (dx !== 0) this.userPan(dx * perPx);
    };
    const up = () => {
      thumb.removeEventListener('pointermove', move);
      thumb.removeEventListener('pointerup', up);
      thumb.removeEventListener('pointercancel', up);
    };
    thumb.addEventListener('pointermove', move);
    thumb.addEventListener('pointerup', up);
    thumb.addEventListener('pointercancel', up);
  }

  // ── drawing ──────────────────────────────────────────────────────────────────

  requestDraw(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.draw();
    });
  }

  /** Draws now. */
  draw(): void {
    const { canvas } = this.el;
    if (this.width <= 0 || !this.painter) return;
    const started = performance.now();
    const s = this.store.getState();
    const nodes = s.sim.scenario.nodes;
    const events = s.sim.events;
    const count = events.length;
    const index = indexFor(events, nodes, count);
    const sel = s.selection;
    const input: SceneInput = {
      events,
      count,
      index,
      violations: s.sim.violations,
      win: this.win,
      width: this.width,
      cursor: s.frame.time,
      step: s.frame.step,
      selectedLane: sel?.kind === 'node' ? (index.laneOf.get(sel.id) ?? -1) : -1,
      selectedMessage: sel?.kind === 'message' ? sel.id : -1,
      hover: this.hover,
      hide: heartbeatsHidden() ? (id) => isHeartbeat(s.module, index.messages[id]!) : null,
    };
    const scene = buildScene(this.scene ?? emptyScene(input), input);
    this.scene = scene;

    const dpr = window.devicePixelRatio || 1;
    const height = diagramHeight(nodes.length);
    const pw = Math.round(this.width * dpr);
    const ph = Math.round(height * dpr);
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
      canvas.style.width = `${this.width}px`;
      canvas.style.height = `${height}px`;
      this.painter.reset();
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    renderScene(this.painter, scene, this.texts.labels);
    this.draws++;
    this.publish(s, scene, index, started);
  }

  /** Attributes for tests, the bench and assistive technology; the scrollbar; the export hook. */
  private publish(s: SessionState, scene: Scene, index: RunIndex, started: number): void {
    const { canvas, status, track, thumb } = this.el;
    const { t } = this.texts;
    const win = this.win;
    canvas.dataset.windowStart = String(win.start);
    canvas.dataset.windowEnd = String(win.end);
    canvas.dataset.mode = scene.aggregated ? 'density' : 'arrows';
    canvas.dataset.arrows = String(scene.arrowCount);
    canvas.dataset.violations = String(scene.violations.length);
    canvas.dataset.follow = String(this.follow);
    canvas.dataset.draws = String(this.draws);

    const summaryInput = {
      index,
      events: s.sim.events,
      count: s.sim.events.length,
      violations: s.sim.violations,
      win,
      cursor: s.frame.time,
      aggregated: scene.aggregated,
      invariantName: this.texts.invariantName,
    };
    const runKeyNow = `${index.processed}:${s.sim.violations.length}`;
    if (runKeyNow !== this.summaryKey) {
      this.summaryKey = runKeyNow;
      this.summaryRun = runSummary(t, summaryInput);
    }
    const label = `${t('spacetime.label', { count: index.lanes.length })}. ${viewSummary(t, summaryInput)} ${this.summaryRun}`.trim();
    if (label !== this.lastLabel) {
      this.lastLabel = label;
      canvas.setAttribute('aria-label', label);
    }

    const windowText = t('spacetime.window', { from: formatMs(Math.round(Math.max(0, win.start))), to: formatMs(Math.round(win.end)) });
    const statusText = scene.aggregated ? `${windowText} · ${t('spacetime.dense', { count: formatMs(scene.densityMessages) })}` : windowText;
    if (status.textContent !== statusText) status.textContent = statusText;

    const { lo, total } = this.trackRange();
    const left = ((win.start - lo) / total) * 100;
    const width = (span(win) / total) * 100;
    thumb.style.left = `${Math.max(0, Math.min(100, left)).toFixed(3)}%`;
    thumb.style.width = `${Math.max(0, Math.min(100, width)).toFixed(3)}%`;
    track.setAttribute('aria-valuemax', String(Math.round(this.boundsEnd(s))));
    track.setAttribute('aria-valuenow', String(Math.round(Math.max(0, win.start))));
    track.setAttribute('aria-valuetext', windowText);

    publishView(win, this.width);
    canvas.dataset.drawMs = (performance.now() - started).toFixed(2);
  }
}
