import { useSession, useT } from './session';

/** In the manual schedule: the events that could happen next; the user picks one. */
export function ManualPanel() {
  const t = useT();
  const mode = useSession((s) => s.frame.mode);
  const enabled = useSession((s) => s.frame.enabled);
  const pick = useSession((s) => s.pick);
  if (mode !== 'manual') return null;
  return (
    <section className="panel manual" aria-labelledby="manual-title" data-testid="manual-panel">
      <h2 id="manual-title">{t('manual.title')}</h2>
      {enabled.length === 0 && <p className="hint">{t('manual.none')}</p>}
      <ul>
        {enabled.slice(0, 60).map((e) => {
          const label =
            e.kind === 'deliver'
              ? t('manual.deliver', { type: e.message.type, from: e.message.from, to: e.message.to })
              : t('manual.fire', { timer: e.timer, node: e.node });
          return (
            <li key={e.kind === 'deliver' ? `m${e.message.id}` : `t${e.node}:${e.timer}`}>
              <button type="button" onClick={() => pick(e)}>
                {label}
              </button>{' '}
              <span className="muted">{t('manual.due', { time: Math.round(e.dueAt) })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
