import { useStore } from 'zustand';
import { sessionStore } from '../store/session';
import { translate } from '../i18n';

export function RunResult() {
  const lang = useStore(sessionStore, (s) => s.lang);
  const trace = useStore(sessionStore, (s) => s.trace);
  const error = useStore(sessionStore, (s) => s.error);
  return (
    <section aria-labelledby="result-heading" data-testid="result">
      <h2 id="result-heading">{translate(lang, 'result.heading')}</h2>
      {error && <p role="alert">{error}</p>}
      {!trace && <p>{translate(lang, 'result.none')}</p>}
      {trace && (
        <>
          <p data-testid="result-summary">
            <code>{trace.scenario.name}</code>: {translate(lang, 'result.events', { count: trace.events.length, time: trace.final.time })}
          </p>
          {trace.violations.length === 0 ? (
            <p data-testid="violations">{translate(lang, 'result.noViolation')}</p>
          ) : (
            <div data-testid="violations">
              <h3>{translate(lang, 'result.violations')}</h3>
              <ul>
                {trace.violations.map((v) => (
                  <li key={v.invariant}>
                    <strong>{v.invariant}</strong> @ {v.seq}: {v.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
