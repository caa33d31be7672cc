/**
 * The inspector: the last event at the top, then the selected node's whole observable state
 * with its status and pending timers, or the selected message.
 */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Message, Observable, TraceEvent } from '../../sim/types';
import type { TimerView } from '../../store/frame';
import type { StringKey } from '../../i18n';
import { useSession, useT } from '../session';
import { roleName } from '../cluster/labels';
import { Fields } from './JsonTree';
import { eventParts, findMessage, type MessageStatus } from './model';
import { changedNames, stepChange, type StateDiff, type StepChange } from './diff';
import { reasonText } from '../reasonText';
import './logs.css';

const ms = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const LastEvent = memo(function LastEvent({ event }: { event: TraceEvent | null }) {
  const t = useT();
  let body: string;
  if (!event) body = t('inspector.noEvent');
  else {
    const kindKey = `inspector.kind.${event.kind}` as StringKey;
    const p = eventParts(event);
    const parts = [t(kindKey)];
    if (p.message) parts.push(p.message);
    if (p.timer) parts.push(t('inspector.timerEvent', { timer: p.timer }));
    if (p.node && !(p.message && event.kind === 'deliver')) parts.push(t('inspector.at', { node: p.node }));
    if (p.reason) parts.push(`(${reasonText(t, p.reason)})`);
    body = `${t('inspector.eventAt', { seq: event.seq, time: ms(event.time) })} · ${parts.join(' ')}`;
  }
  return (
    <p className="in-last" data-testid="last-event">
      <span className="in-last-label">{t('inspector.lastEvent')}:</span> <span className="in-last-body">{body}</span>
    </p>
  );
});

const StateTree = memo(function StateTree({ state, diff }: { state: Observable; diff?: StateDiff | undefined }) {
  return <Fields value={state} diff={diff} />;
});

/** One line above the state: what the last event changed in it (the fields are marked below). */
function ChangeSummary({ change }: { change: StepChange }) {
  const t = useT();
  if (change.kind === 'untouched') return null;
  if (change.kind === 'first') return <p className="df-summary df-summary-none">{t('diff.first', { seq: change.seq })}</p>;
  if (change.diff.size === 0)
    return (
      <p className="df-summary df-summary-none" data-testid="state-diff">
        {t('diff.none', { seq: change.seq })}
      </p>
    );
  return (
    <p className="df-summary" data-testid="state-diff">
      <span aria-hidden="true">▲ </span>
      {t('diff.summary', { seq: change.seq, fields: changedNames(change.diff).join(', ') })}
    </p>
  );
}

function Timers({ timers, now }: { timers: TimerView[]; now: number }) {
  const t = useT();
  if (timers.length === 0) return <p className="in-muted">{t('inspector.noTimers')}</p>;
  return (
    <table className="js-table in-timers" aria-label={t('inspector.timers')}>
      <thead>
        <tr>
          <th scope="col">{t('inspector.timerName')}</th>
          <th scope="col">{t('inspector.timerSet')}</th>
          <th scope="col">{t('inspector.timerDue')}</th>
          <th scope="col">{t('inspector.timerLeft')}</th>
        </tr>
      </thead>
      <tbody>
        {timers.map((x) => (
          <tr key={x.name}>
            <th scope="row">{x.name}</th>
            <td>{t('inspector.ms', { ms: ms(x.set) })}</td>
            <td>{t('inspector.ms', { ms: ms(x.due) })}</td>
            <td>{t('inspector.ms', { ms: ms(Math.max(0, x.due - now)) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NodeDetails({ id }: { id: string }) {
  const t = useT();
  const node = useSession(
    useShallow((s) => {
      const n = s.frame.nodes.find((x) => x.id === id);
      return n ? { state: n.state, up: n.up, paused: n.paused, rate: n.rate, timers: n.timers, now: s.frame.time } : null;
    }),
  );
  // What the last applied event changed in this node: compared with its state before that event.
  const event = useSession((s) => s.frame.event);
  const events = useSession((s) => s.sim.events);
  const state = node?.state;
  const change = useMemo<StepChange>(() => (state ? stepChange(events, event, id, state) : { kind: 'untouched' }), [events, event, id, state]);
  if (!node) return <p className="in-muted">{t('inspector.nodeGone', { node: id })}</p>;
  const role = typeof node.state.role === 'string' ? node.state.role : null;
  return (
    <div className="in-node" data-testid="inspector-node" data-node={id}>
      <h3 className="in-h">
        {t('inspector.node', { node: id })}
        <span className={`lg-badge ${node.up ? 'lg-badge-up' : 'lg-badge-down'}`}>{t(node.up ? 'inspector.up' : 'inspector.down')}</span>
        {node.paused && <span className="lg-badge lg-badge-paused">{t('inspector.paused')}</span>}
        {role && <span className={`lg-badge${node.up && role === 'leader' ? ' lg-badge-leader' : ''}`}>{node.up && role === 'leader' ? `★ ${roleName(t, role)}` : roleName(t, role)}</span>}
        <span className={`lg-badge${node.rate !== 1 ? ' lg-badge-paused' : ''}`}>{t('inspector.rate', { rate: node.rate })}</span>
      </h3>
      <h4 className="in-sub">{t('inspector.state')}</h4>
      <ChangeSummary change={change} />
      <StateTree state={node.state} diff={change.kind === 'diff' ? change.diff : undefined} />
      <h4 className="in-sub">{t('inspector.timers')}</h4>
      <Timers timers={node.timers} now={node.now} />
    </div>
  );
}

const Payload = memo(function Payload({ message }: { message: Message }) {
  const { type: _type, ...rest } = message.payload;
  return <Fields value={rest} />;
});

function MessageDetails({ id }: { id: number }) {
  const t = useT();
  // Flattened to stable fields: a fresh status object per call would never compare equal.
  const found = useSession(
    useShallow((s) => {
      const f = findMessage(id, s.frame.inFlight, s.frame.lost);
      return { message: f?.message ?? null, kind: f?.status.kind ?? null, why: f ? (f.status.kind === 'lost' ? f.status.reason : f.status.blocked) : null };
    }),
  );
  const { message } = found;
  if (!message || !found.kind) return <p className="in-muted">{t('inspector.msgGone', { id })}</p>;
  const status: MessageStatus = found.kind === 'lost' ? { kind: 'lost', reason: found.why ?? '' } : { kind: 'inFlight', blocked: found.why };
  const statusText =
    status.kind === 'lost' ? t('inspector.lost', { reason: status.reason }) : status.blocked ? t('inspector.willBeLost', { reason: status.blocked }) : t('inspector.inFlight');
  return (
    <div className="in-msg" data-testid="inspector-message">
      <h3 className="in-h">
        {t('inspector.message', { id })}
        <span className={`lg-badge${status.kind === 'lost' || (status.kind === 'inFlight' && status.blocked) ? ' lg-badge-down' : ''}`}>{statusText}</span>
      </h3>
      <dl className="js-fields">
        <div className="js-field">
          <dt>{t('inspector.msgType')}</dt>
          <dd>
            <strong>{message.type}</strong>
          </dd>
        </div>
        <div className="js-field">
          <dt>{t('inspector.msgRoute')}</dt>
          <dd>
            {message.from} → {message.to}
          </dd>
        </div>
        <div className="js-field">
          <dt>{t('inspector.sentAt')}</dt>
          <dd>{t('inspector.ms', { ms: ms(message.sentAt) })}</dd>
        </div>
        <div className="js-field">
          <dt>{t('inspector.arriveAt')}</dt>
          <dd>{t('inspector.ms', { ms: ms(message.arriveAt) })}</dd>
        </div>
        {message.duplicateOf !== undefined && (
          <div className="js-field">
            <dt>{t('inspector.status')}</dt>
            <dd>{t('inspector.duplicateOf', { id: message.duplicateOf })}</dd>
          </div>
        )}
      </dl>
      <h4 className="in-sub">{t('inspector.payload')}</h4>
      <Payload message={message} />
    </div>
  );
}

export function Inspector() {
  const t = useT();
  const event = useSession((s) => s.frame.event);
  const selection = useSession((s) => s.selection);
  return (
    <section className="lg-panel in-panel" aria-label={t('inspector.title')} data-testid="inspector">
      <header className="lg-bar">
        <h2 className="lg-title">{t('inspector.title')}</h2>
      </header>
      <LastEvent event={event} />
      {selection?.kind === 'node' ? (
        <NodeDetails id={selection.id} />
      ) : selection?.kind === 'message' ? (
        <MessageDetails id={selection.id} />
      ) : (
        <p className="in-muted in-hint">{t('inspector.hint')}</p>
      )}
    </section>
  );
}
