/** "Record a tour": add steps at the cursor, edit, reorder, dry-run, preview and export. */
import { useState } from 'react';
import { useStore } from 'zustand';
import { recordStore } from '../../store/tourRecord';
import { tourToJson } from '../../scenario/tour/codec';
import { pick } from '../../scenario/tour/text';
import type { Anchor } from '../../scenario/tour/types';
import { useSession, useT } from '../session';
import { RecordedStep } from './RecordedStep';
import './tours.css';

export function anchorText(a: Anchor, t: ReturnType<typeof useT>): string {
  if ('at' in a) return t('record.anchor.start');
  if ('after' in a) return t('record.anchor.after', { ms: a.after });
  if ('time' in a) return t('record.anchor.time', { ms: a.time });
  if ('until' in a) return t('record.anchor.until');
  const m = a.event;
  const what = m.becomes ? Object.entries(m.becomes).map(([k, v]) => `${k} = ${String(v)}`).join(', ') : [m.kind, m.node, m.message].filter(Boolean).join(' ');
  return t('record.anchor.event', { what: `${what}${a.nth ? ` (#${a.nth})` : ''}` });
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RecorderPanel() {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const r = useStore(recordStore);
  const [text, setText] = useState('');
  const [question, setQuestion] = useState('');
  const added = () => (setText(''), setQuestion(''));
  const dry = r.dry;
  return (
    <section className="tour-panel tour-record" aria-label={t('record.title')} data-testid="record-panel">
      <header className="tour-head">
        <span className="tour-kind" aria-hidden="true">●</span>
        <h2 className="tour-title">{t('record.title')}</h2>
        <button type="button" className="ghost" onClick={() => r.stop()} aria-label={t('record.stop')} title={t('record.stop')} data-testid="record-stop">
          ✕
        </button>
      </header>
      <label className="tour-field">
        {t('record.tourTitle')}
        <input value={r.title} onChange={(e) => r.setTitle(e.target.value)} data-testid="record-title" />
      </label>
      <label className="tour-field">
        {t('record.text')}
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="record-text" />
      </label>
      <label className="tour-field">
        {t('record.question')}
        <input value={question} onChange={(e) => setQuestion(e.target.value)} data-testid="record-question" />
      </label>
      <div className="tour-options">
        <button type="button" className="primary" disabled={!text.trim()} onClick={() => (r.add('narrate', text.trim()), added())} title={t('record.addTip')} data-testid="record-add">
          {t('record.add')}
        </button>
        <button type="button" disabled={!text.trim() && !question.trim()} onClick={() => (r.add('ask', text.trim() || question.trim(), question.trim()), added())} title={t('record.addAskTip')} data-testid="record-add-ask">
          {t('record.addAsk')}
        </button>
        <button type="button" disabled={!text.trim() || r.armed !== null} onClick={() => (r.armTask(text.trim()), added())} title={t('record.taskTip')} data-testid="record-task">
          {r.armed ? t('record.armed') : t('record.task')}
        </button>
        <button type="button" disabled={!text.trim()} onClick={() => (r.add('sandbox', text.trim()), added())} data-testid="record-add-sandbox">
          {t('record.addSandbox')}
        </button>
      </div>
      {r.steps.length === 0 ? (
        <p className="tour-note">{t('record.none')}</p>
      ) : (
        <ol className="tour-recorded" data-testid="record-steps">
          {r.steps.map((s, i) => (
            <RecordedStep key={s.id} step={s} index={i} count={r.steps.length} anchor={anchorText(s.anchor, t)} say={pick(s.say, lang)} />
          ))}
        </ol>
      )}
      <div className="tour-options">
        <button type="button" disabled={!r.steps.length} onClick={() => r.check()} title={t('record.checkTip')} data-testid="record-check">
          {t('record.check')}
        </button>
        <button type="button" disabled={!r.steps.length} onClick={() => r.preview()} data-testid="record-preview">
          {t('record.preview')}
        </button>
        <button type="button" disabled={!r.steps.length} onClick={() => void navigator.clipboard?.writeText(r.exportLink(`${location.origin}${location.pathname}`) ?? '').catch(() => undefined)} data-testid="record-export-link">
          {t('record.exportLink')}
        </button>
        <button type="button" disabled={!r.steps.length} onClick={() => { const d = r.draft(); if (d) download('tour.json', tourToJson(d)); }} data-testid="record-export-file">
          {t('record.exportFile')}
        </button>
      </div>
      {dry && (
        <div className="tour-note" role="status" data-testid="record-dry">
          {dry.notes.length === 0 ? t('record.checkOk', { n: r.steps.length, paths: dry.paths }) : (
            <ul>{dry.notes.map((n, i) => <li key={i}>{`${n.step}: ${n.kind}: ${n.detail}`}</li>)}</ul>
          )}
        </div>
      )}
      {r.link && (
        <label className="tour-field">
          {t('record.link')}
          <input readOnly value={r.link} onFocus={(e) => e.target.select()} data-testid="record-link" />
        </label>
      )}
    </section>
  );
}
