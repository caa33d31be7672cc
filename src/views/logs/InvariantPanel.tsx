/**
 * Every invariant of the protocol with its status at the cursor, and the bug switches that
 * are on. A violation is a button: it moves the cursor to its step and selects a node.
 */
import { memo, useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Violation } from '../../sim/types';
import { useSession, useT } from '../session';
import { invariantStatuses, type InvariantStatus } from './model';
import { bugText, invariantText, sourceText } from '../../i18n/content';
import { violationText } from '../../i18n/violations';
import './logs.css';
import { invariantsOf } from '../../check/invariants';
import { useInvariantName } from '../invariantName';

const Item = memo(function Item({ item, onGo }: { item: InvariantStatus; onGo(v: Violation): void }) {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const protocol = useSession((s) => s.module.id);
  const text = invariantText(lang, protocol, { id: item.id, name: item.name, description: item.description ?? '' });
  const source = item.source ? sourceText(lang, protocol, { id: item.id, source: item.source }) : '';
  const v = item.violation;
  const message = v ? violationText(lang, protocol, v.message) : '';
  return (
    <li className={`iv-item${v ? ' iv-bad' : ''}`} data-invariant={item.id} data-status={v ? 'violated' : 'holds'}>
      <details className="iv-details">
        <summary className="iv-line">
          <span className="iv-icon" aria-hidden="true">
            {v ? '✗' : '✓'}
          </span>
          {/* The spec's own name (TCConsistent, ShouldNotBeTriggered) stays the source, on hover. */}
          <span className="iv-name" title={source ? t('inv.source', { source }) : undefined}>
            {text.name}
          </span>
          <span className="iv-status">{v ? t('inv.violated', { step: v.seq + 1 }) : t('inv.holds')}</span>
        </summary>
        {text.description && <p className="iv-desc">{text.description}</p>}
        {source && <p className="iv-source">{t('inv.source', { source })}</p>}
      </details>
      {v && (
        <button type="button" className="iv-go" onClick={() => onGo(v)} aria-label={`${text.name}: ${t('inv.violated', { step: v.seq + 1 })}. ${message}. ${t('inv.goTo', { step: v.seq + 1 })}`}>
          <span className="iv-msg">{message}</span>
          <span className="iv-go-meta">
            {v.nodes && v.nodes.length > 0 && <span>{t('inv.nodes', { nodes: v.nodes.join(', ') })}</span>}
            <span className="iv-go-step">{t('inv.goTo', { step: v.seq + 1 })} →</span>
          </span>
        </button>
      )}
      {!v && item.ahead && (
        <button type="button" className="iv-ahead" onClick={() => onGo(item.ahead!)}>
          {t('inv.ahead', { step: item.ahead.seq + 1 })}
        </button>
      )}
    </li>
  );
});

function Bugs() {
  const t = useT();
  const module = useSession((s) => s.module);
  const on = useSession((s) => s.sim.scenario.params.bugs);
  const lang = useSession((s) => s.lang);
  const ids = Array.isArray(on) ? on : [];
  const nameOf = useInvariantName();
  return (
    <div className="iv-bugs" data-testid="bug-switches">
      <h3 className="in-sub">{t('inv.bugs')}</h3>
      {ids.length === 0 ? (
        <p className="in-muted">{t('inv.noBugs')}</p>
      ) : (
        <ul className="iv-buglist">
          {ids.map((id) => {
            const spec = module.bugs.find((b) => b.id === id);
            return (
              <li key={id} className="iv-bug" data-bug={id}>
                <span className="lg-badge lg-badge-down">{t('inv.bugOn')}</span> <code>{id}</code>
                {spec && <p className="iv-desc">{bugText(lang, module.id, spec)}</p>}
                {spec && spec.breaks.length > 0 && <p className="iv-source">{t('inv.breaks', { list: spec.breaks.map(nameOf).join(', ') })}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function InvariantPanel() {
  const t = useT();
  const module = useSession((s) => s.module);
  // Each frame filters a fresh array; its elements keep their identity, so compare shallowly.
  const violations = useSession(useShallow((s) => s.frame.violations));
  const sim = useSession((s) => s.sim);
  // Recorded violations past the cursor too: the run's list only grows, so its length tells.
  const recorded = useSession((s) => s.sim.violations.length);
  const seekStep = useSession((s) => s.seekStep);
  const select = useSession((s) => s.select);
  const items = useMemo(() => invariantStatuses(invariantsOf(module), violations, sim.violations.slice(0, recorded)), [module, violations, sim, recorded]);
  const bad = items.filter((i) => i.violation).length;
  const onGo = useCallback(
    (v: Violation) => {
      seekStep(v.seq + 1);
      const node = v.nodes?.[0];
      if (node) select({ kind: 'node', id: node });
    },
    [seekStep, select],
  );
  return (
    <section className="lg-panel iv-panel" aria-label={t('inv.title')} data-testid="invariants">
      <header className="lg-bar">
        <h2 className="lg-title">{t('inv.title')}</h2>
        <span className={`iv-summary${bad ? ' iv-summary-bad' : ''}`} role="status">
          {bad ? `✗ ${t('inv.summaryBad', { bad, ok: items.length - bad })}` : `✓ ${t('inv.summaryOk', { count: items.length })}`}
        </span>
      </header>
      <ul className="iv-list">
        {items.map((item) => (
          <Item key={item.id} item={item} onGo={onGo} />
        ))}
      </ul>
      <Bugs />
    </section>
  );
}
