/** The tour panel: the step's text, its question, task or choices, progress, back and next
 * (also N and B), and the step's highlights drawn over the other views. */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { tourStore } from '../../store/tour';
import { fill, pick } from '../../scenario/tour/text';
import { useSession, useT } from '../session';
import { Markdown } from './Markdown';
import { AskPart, BranchPart, TaskPart } from './StepParts';
import { highlightCss } from './highlightCss';
import { useFitViewport } from './useFitViewport';
import './tours.css';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function TourPanel() {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const dialog = useSession((s) => s.dialog);
  const nodes = useSession((s) => s.sim.scenario.nodes);
  const params = useSession((s) => s.sim.scenario.params);
  const module = useSession((s) => s.module);
  const roles = useMemo(() => module.roles({ nodes, params }), [module, nodes, params]);
  const tour = useStore(tourStore, (s) => s.tour);
  const played = useStore(tourStore, (s) => s.played);
  const waiting = useStore(tourStore, (s) => s.waitingFor !== null);
  const stuck = useStore(tourStore, (s) => s.stuck);
  const moved = useStore(tourStore, (s) => s.moved);
  const done = useStore(tourStore, (s) => s.done);
  const cur = played.at(-1);
  const panel = useRef<HTMLElement>(null);
  useFitViewport(panel, tour);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dialog !== null) return;
      const k = e.key.toLowerCase();
      if (k === 'n') tourStore.getState().next();
      else if (k === 'b') tourStore.getState().back();
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [dialog]);

  if (!tour || !cur) return null;
  const step = tour.steps[cur.index]!;
  const b = cur.bindings;
  const last = cur.index === tour.steps.length - 1;
  const blocked = step.kind === 'branch' || last || stuck !== null;
  // On a task not done yet, Next does the task for the student: it says so.
  const skips = step.kind === 'task' && !done[step.id] && !waiting;
  return (
    <section ref={panel} className="tour-panel" aria-label={t('tours.panel')} data-testid="tour-panel" data-step={step.id} data-kind={step.kind}>
      <header className="tour-head">
        <span className={`tour-kind tour-kind-${step.kind}`}>{t(`tours.kind.${step.kind}`)}</span>
        <h2 className="tour-title" title={pick(tour.title, lang)}>
          {pick(tour.title, lang)}
        </h2>
        <button type="button" className="ghost" onClick={() => tourStore.getState().leave()} title={t('tours.leaveTip')} aria-label={t('tours.leave')} data-testid="tour-leave">
          ✕
        </button>
      </header>
      <div className="tour-progress">
        <progress max={tour.steps.length} value={cur.index + 1} aria-label={t('tours.stepOf', { n: cur.index + 1, total: tour.steps.length })} />
        <span data-testid="tour-progress">{t('tours.stepOf', { n: cur.index + 1, total: tour.steps.length })}</span>
      </div>
      {/* The body scrolls; the header and Back / Next stay in view, down to a 600 × 400 embed. */}
      <div className="tour-body" data-testid="tour-body">
      <div className="tour-say" aria-live="polite" data-testid="tour-say">
        <Markdown text={fill(pick(step.say, lang), b)} />
      </div>
      {step.ask && <AskPart key={step.id} tourId={tour.id} step={step} lang={lang} b={b} nodes={nodes} roles={roles} />}
      {step.task && <TaskPart step={step} />}
      {step.branch && <BranchPart step={step} lang={lang} b={b} />}
      {waiting && <p className="tour-note">{t('tours.waiting')}</p>}
      {stuck && <p className="tour-error" role="alert">{t('tours.stuck', { detail: stuck })}</p>}
      {last && <p className="tour-note">{t('tours.complete')}</p>}
      {moved.length > 0 && <p className="tour-note tour-moved" data-testid="tour-moved">{t('tours.moved', { count: moved.length, list: moved.map((m) => `${m.step} (${m.was.step}→${m.now.step})`).join(', ') })}</p>}
      </div>
      <footer className="tour-nav">
        <button type="button" onClick={() => tourStore.getState().back()} disabled={played.length <= 1} aria-keyshortcuts="B" data-testid="tour-back">
          ← {t('tours.back')}
        </button>
        <button type="button" className={skips ? undefined : 'primary'} onClick={() => tourStore.getState().next()} disabled={blocked && !waiting} title={skips ? t('tours.skipTaskTip') : undefined} aria-keyshortcuts="N" data-testid="tour-next" data-skips={skips}>
          {skips ? t('tours.skipTask') : t('tours.next')} →
        </button>
      </footer>
      <style>{highlightCss(step.show, b)}</style>
    </section>
  );
}
