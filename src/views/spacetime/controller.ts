/**
 * The diagram's leaf widget: owns the canvas, d3-zoom on it, the visible time window and the
 * pointer. It reads the session store and calls its actions; React renders everything around it.
 * Drawing is coalesced to one per animation frame and touches only what is in view.
 */
import { select, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import type { SessionState, SessionStore } from '../../store/session';
import { DEFAULT_SPAN, MIN_SPAN, REF_SPAN, RIGHT_PAD, LEFT_PAD, ZOOM_STEP, diagramHeight, fitWindow, followWindow, panWindow, span, transformFor, windowFor, zoomWindow, type TimeWindow } from './layout';
import { buildScene, emptyScene, hitTest, sameHit, type Hit, type Scene } from './scene';
import { fitCanvas, sceneInputFor } from './frame';
import { renderScene } from './render';
import { CanvasPainter } from './paint';
import { describeHit } from './describe';
import type { ControllerCallbacks, ControllerElements, Texts } from './controllerTypes';
import { publishView } from './exportSvg';
import { createZoom, wheelPan } from './zoomBehavior';
import { applyHit } from './hitActions';
import { onViewKey } from './keys';
import { onTrackDown, placeThumb } from './scrollbar';
import { FramePublisher } from './publish';
import { boundsEnd, plannedEnd, runKey } from './runBounds';

export type { ControllerCallbacks, ControllerElements, Texts, Tip } from './controllerTypes';

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
  private readonly publisher: FramePublisher;

  constructor(
    private readonly store: SessionStore,
    private readonly el: ControllerElements,
    private texts: Texts,
    private readonly cb: ControllerCallbacks,
  ) {
    const ctx = el.canvas.getContext('2d');
    this.painter = ctx ? new CanvasPainter(ctx) : null;
    this.publisher = new FramePublisher(el.canvas, el.status);
    this.zoomer = createZoom({
      width: () => this.width,
      height: () => diagramHeight(this.store.getState().sim.scenario.nodes.length),
      boundsEnd: () => this.boundsEnd(),
      onZoom: (e) => this.onZoom(e),
    });
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
        const dt = wheelPan(e, this.width, this.win);
        if (dt !== null) this.userPan(dt);
      },
      { passive: false },
    );
    on(track, 'keydown', (e) => onViewKey(e, this));
    on(track, 'pointerdown', (e) => onTrackDown(e, track, thumb, this));
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
    this.publisher.invalidate();
    this.requestDraw();
  }

  // ── the window ───────────────────────────────────────────────────────────────

  /** The visible window (the keyboard map and the scrollbar read it). */
  get window(): TimeWindow {
    return this.win;
  }

  /** How far the user may scroll (see runBounds.ts). */
  boundsEnd(s = this.store.getState()): number {
    return boundsEnd(s);
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

  toggleFollow(): void {
    this.setFollow(!this.follow);
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
    if (s.frame.time >= this.win.start && s.frame.time <= this.win.end && this.win.end >= plannedEnd(s)) return;
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
      this.publisher.invalidate();
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
    applyHit(this.store.getState(), this.scene.input.index, hit);
    this.setHover(hitTest(this.scene, p.x, p.y), p);
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
    const input = sceneInputFor(s, this.win, this.width, this.hover);
    const index = input.index;
    const scene = buildScene(this.scene ?? emptyScene(input), input);
    this.scene = scene;
    fitCanvas(canvas, this.painter, this.width, s.sim.scenario.nodes.length);
    renderScene(this.painter, scene, this.texts.labels);
    this.draws++;
    const { track, thumb } = this.el;
    const windowText = this.publisher.publish({ s, scene, index, win: this.win, width: this.width, follow: this.follow, draws: this.draws, t: this.texts.t, invariantName: this.texts.invariantName });
    placeThumb(track, thumb, this.win, this.boundsEnd(s), windowText);
    publishView(this.win, this.width);
    canvas.dataset.drawMs = (performance.now() - started).toFixed(2);
  }
}
