/** The interactive parts of a tour step: a question, a task, a branch's choices. */
import { useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { tourStore } from '../../store/tour';
import type { TourStep } from '../../scenario/tour/types';
import { fill, pick, type TourLang } from '../../scenario/tour/text';
import { optionOrder } from '../../scenario/tour/optionOrder';
import type { Bindings } from '../../scenario/tour/anchors';
import { useT } from '../session';
import { Markdown } from './Markdown';

/** `roles`: each node's role; a "which node" question offers the nodes in the answer's role
 * (the servers, when a server answers; never the client that asked). */
export function AskPart({ tourId, step, lang, b, nodes, roles }: { tourId: string; step: TourStep; lang: TourLang; b: Bindings; nodes: readonly string[]; roles: Readonly<Record<string, string>> }) {
  const t = useT();
  const mine = useStore(tourStore, (s) => s.answers[step.id]);
  const truth = useStore(tourStore, (s) => s.truth[step.id]);
  const ask = step.ask!;
  const role = truth === undefined ? undefined : roles[truth];
  const options =
    ask.type === 'node' ? nodes.filter((n) => role === undefined || roles[n] === role).map((n) => ({ id: n, label: n })) : ask.type === 'yesno' ? [{ id: 'yes', label: t('tours.yes') }, { id: 'no', label: t('tours.no') }] : optionOrder(ask.options ?? [], tourId, step.id).map((o) => ({ id: o.id, label: fill(pick(o.label, lang), b) }));
  const labelOf = (id: string | undefined) => options.find((o) => o.id === id)?.label ?? id ?? '';
  // The feedback appears below the options: the panel's body (not the page) scrolls to it.
  const feedback = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = feedback.current;
    const body = el?.closest('.tour-body');
    if (!el || !body) return;
    const below = el.getBoundingClientRect().bottom - body.getBoundingClientRect().bottom;
    if (below > 0) body.scrollTop += below;
  }, [mine]);
  return (
    <div className="tour-ask" data-testid="tour-ask">
      <Markdown className="tour-question" text={fill(pick(ask.question, lang), b)} />
      <div className="tour-options" role="group" aria-label={t('tours.kind.ask')}>
        {options.map((o) => (
          <button
            key={o.id}
            type="button"
            className={mine === undefined ? undefined : o.id === truth ? 'is-right' : o.id === mine ? 'is-wrong' : undefined}
            aria-pressed={mine === o.id}
            disabled={mine !== undefined}
            onClick={() => tourStore.getState().answer(o.id)}
            data-testid={`tour-option-${o.id}`}
          >
            {o.label}
          </button>
        ))}
      </div>
      {mine !== undefined && (
        <div ref={feedback} className="tour-feedback" role="status" data-testid="tour-feedback">
          <p>{truth === undefined ? t('tours.noAnswer') : mine === truth ? t('tours.right', { answer: labelOf(truth) }) : t('value' in ask.answer ? 'tours.wrongFixed' : 'tours.wrong', { answer: labelOf(truth) })}</p>
          {ask.explain !== undefined && <Markdown text={fill(pick(ask.explain, lang), b)} />}
        </div>
      )}
    </div>
  );
}

export function TaskPart({ step }: { step: TourStep }) {
  const t = useT();
  const done = useStore(tourStore, (s) => !!s.done[step.id]);
  const acted = useStore(tourStore, (s) => !!s.acted?.at);
  return (
    <div className="tour-task" data-testid="tour-task" data-done={done}>
      <p role="status">{done ? `✓ ${t('tours.taskDone')}` : acted ? t('tours.taskActed') : t('tours.taskTodo')}</p>
      {!done && (
        <button type="button" onClick={() => tourStore.getState().showMe()} title={t('tours.showMeTip')} data-testid="tour-show-me">
          {t('tours.showMe')}
        </button>
      )}
    </div>
  );
}

export function BranchPart({ step, lang, b }: { step: TourStep; lang: TourLang; b: Bindings }) {
  return (
    <div className="tour-options tour-branch" role="group" data-testid="tour-branch">
      {step.branch!.choices.map((c, k) => (
        <button key={k} type="button" onClick={() => tourStore.getState().choose(k)} data-testid={`tour-choice-${k}`}>
          {fill(pick(c.label, lang), b)}
        </button>
      ))}
    </div>
  );
}
