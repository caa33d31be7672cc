/** One recorded step in the recorder: its kind, anchor, text (editable), answer, and moves. */
import { recordStore } from '../../store/tourRecord';
import type { TourStep } from '../../scenario/tour/types';
import { useT } from '../session';

export function RecordedStep({ step, index, count, anchor, say }: { step: TourStep; index: number; count: number; anchor: string; say: string }) {
  const t = useT();
  const r = recordStore.getState();
  const answer = step.ask && ('nodeOf' in step.ask.answer ? `${Object.values(step.ask.answer.nodeOf.becomes ?? {}).join(' ')} → ?` : 'value' in step.ask.answer ? step.ask.answer.value : 'yes/no');
  return (
    <li data-testid={`record-step-${index}`}>
      <div className="tour-recorded-head">
        <span className={`tour-kind tour-kind-${step.kind}`}>{t(`tours.kind.${step.kind}`)}</span>
        <span className="tour-note">{anchor}</span>
        <span className="tour-recorded-moves">
          <button type="button" className="ghost" disabled={index === 0} onClick={() => r.move(index, -1)} aria-label={t('record.up')}>↑</button>
          <button type="button" className="ghost" disabled={index === count - 1} onClick={() => r.move(index, 1)} aria-label={t('record.down')}>↓</button>
          <button type="button" className="ghost" onClick={() => r.remove(index)} aria-label={t('record.delete')}>✕</button>
        </span>
      </div>
      <textarea rows={2} value={say} onChange={(e) => r.edit(index, e.target.value)} aria-label={step.id} />
      {answer && <p className="tour-note">{t('record.answer', { answer })}</p>}
      {step.task && step.task.demo.length === 0 && <p className="tour-note">{t('record.armed')}</p>}
    </li>
  );
}
