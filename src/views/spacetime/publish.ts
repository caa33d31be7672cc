/**
 * What a drawn frame tells the page besides pixels: data attributes for tests and the bench,
 * the canvas's accessible description (the window in words and a summary of the run), the
 * status line and the export hook. The run summary is cached: it only changes when the run
 * grows or a violation is found, not on every scroll.
 */
import type { SessionState } from '../../store/session';
import type { TimeWindow } from './layout';
import type { RunIndex } from './runIndex';
import type { Scene } from './scene';
import { formatMs } from './render';
import { runSummary, viewSummary, type Translate } from './describe';

export interface Frame {
  s: SessionState;
  scene: Scene;
  index: RunIndex;
  win: TimeWindow;
  width: number;
  follow: boolean;
  draws: number;
  t: Translate;
  invariantName(id: string): string;
}

export class FramePublisher {
  private summaryKey = '';
  private summaryRun = '';
  private lastLabel = '';

  constructor(private readonly canvas: HTMLCanvasElement, private readonly status: HTMLElement) {}

  /** Forgets the cached run summary (new run, new language). */
  invalidate(): void {
    this.summaryKey = '';
  }

  /** Publishes `f`; returns the window in words, for the scrollbar. */
  publish(f: Frame): string {
    const { canvas, status } = this;
    const { s, scene, index, win, t } = f;
    canvas.dataset.windowStart = String(win.start);
    canvas.dataset.windowEnd = String(win.end);
    canvas.dataset.mode = scene.aggregated ? 'density' : 'arrows';
    canvas.dataset.arrows = String(scene.arrowCount);
    canvas.dataset.violations = String(scene.violations.length);
    canvas.dataset.follow = String(f.follow);
    canvas.dataset.draws = String(f.draws);

    const summaryInput = {
      index,
      events: s.sim.events,
      count: s.sim.events.length,
      violations: s.sim.violations,
      win,
      cursor: s.frame.time,
      aggregated: scene.aggregated,
      invariantName: f.invariantName,
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
    return windowText;
  }
}
