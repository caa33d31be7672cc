/**
 * The scale form: N, v and K, validated with a message per bad field; Compute starts the
 * worker, Cancel (shown only while it runs) stops it; progress as a bar and in words.
 */
import { useState, type FormEvent } from 'react';
import type { StringKey } from '../../i18n';
import { useT } from '../session';
import { SCALE_LIMITS, validateScale, type InputProblem, type ScaleInput } from './scale';
import type { ScaleState } from './useScale';
import { count, duration } from './format';

const FIELDS: { field: keyof ScaleInput; label: StringKey }[] = [
  { field: 'servers', label: 'ring.scale.servers' },
  { field: 'vnodes', label: 'ring.scale.vnodes' },
  { field: 'keys', label: 'ring.scale.keys' },
];

export interface ScaleFormProps {
  state: ScaleState;
  run(input: ScaleInput): void;
  cancel(): void;
  lang: string;
}

export function ScaleForm({ state, run, cancel, lang }: ScaleFormProps) {
  const t = useT();
  const [raw, setRaw] = useState<Record<keyof ScaleInput, string>>({ servers: '1000', vnodes: '200', keys: '1000000' });
  const [problems, setProblems] = useState<InputProblem[]>([]);
  const running = state.status === 'running';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { input, problems } = validateScale(raw);
    setProblems(problems);
    if (input) run(input);
  };
  const problemOf = (field: keyof ScaleInput) => problems.find((p) => p.field === field);
  return (
    <form className="ring-scale" onSubmit={submit} noValidate aria-labelledby="ring-scale-title" data-testid="ring-scale">
      <h3 id="ring-scale-title">{t('ring.scale.title')}</h3>
      <p className="ring-sub">{t('ring.scale.intro')}</p>
      <div className="ring-scale-fields">
        {FIELDS.map(({ field, label }) => {
          const p = problemOf(field);
          return (
            <label key={field}>
              <span>{t(label)}</span>
              <input
                type="text"
                inputMode="numeric"
                name={field}
                value={raw[field]}
                disabled={running}
                aria-invalid={p ? true : undefined}
                aria-describedby={p ? `ring-scale-err-${field}` : undefined}
                title={t('ring.scale.rangeTip', { max: count(lang, SCALE_LIMITS[field]) })}
                onChange={(e) => setRaw({ ...raw, [field]: e.target.value })}
              />
            </label>
          );
        })}
        {/* Distinct keys: reusing one element, a click on Cancel would turn it into the submit
            button during the click and submit the form again. */}
        {running ? (
          <button key="cancel" type="button" onClick={cancel} title={t('ring.scale.cancelTip')} data-testid="ring-scale-cancel">
            {t('ring.scale.cancel')}
          </button>
        ) : (
          <button key="run" type="submit" className="primary" title={t('ring.scale.runTip')} data-testid="ring-scale-run">
            {t('ring.scale.run')}
          </button>
        )}
      </div>
      <div aria-live="polite" className="ring-scale-status">
        {problems.map((p) => (
          <p key={p.field} id={`ring-scale-err-${p.field}`} className="error" data-testid="ring-scale-error">
            {t(p.key, { ...p.vars, min: count(lang, Number(p.vars.min)), max: count(lang, Number(p.vars.max)) })}
          </p>
        ))}
        {state.status === 'running' && (
          <div className="ring-progress">
            <progress max={1} value={state.progress.done} aria-label={t('ring.scale.title')} data-testid="ring-scale-progress" />
            <span>{t('ring.scale.progress', { pct: Math.floor(state.progress.done * 100), phase: t(`ring.scale.phase.${state.progress.phase}` as StringKey) })}</span>
          </div>
        )}
        {state.status === 'done' && (
          <p data-testid="ring-scale-done">
            {t('ring.scale.done', {
              time: duration(t, lang, state.wallMs),
              servers: count(lang, state.result.input.servers),
              vnodes: count(lang, state.result.input.vnodes),
              keys: count(lang, state.result.input.keys),
              joiner: state.result.joiner,
            })}
          </p>
        )}
        {state.status === 'cancelled' && <p data-testid="ring-scale-cancelled">{t('ring.scale.cancelled')}</p>}
        {state.status === 'error' && <p className="error">{t('ring.scale.failed', { message: state.message })}</p>}
      </div>
    </form>
  );
}
