/** Faults and commands for what is selected, and for the network. Every button records a
 * scenario action at the cursor. */
import { useSession, useSessionStore, useT } from './session';
import { nodeActions, messageActions, type FaultItem } from './faults';
import { CommandForms } from './CommandForms';
import './timeline/timeline.css';

function FaultButtons({ items }: { items: FaultItem[] }) {
  const t = useT();
  const act = useSessionStore().getState().act;
  return (
    <>
      {items.map((item) => (
        <button key={item.key} type="button" onClick={() => act(item.action)} title={item.shortcut ? `${t(item.label, item.vars)} (${item.shortcut})` : undefined} aria-keyshortcuts={item.shortcut} data-testid={`fault-${item.key}`}>
          {t(item.label, item.vars)}
        </button>
      ))}
    </>
  );
}

export function FaultToolbar() {
  const t = useT();
  const selection = useSession((s) => s.selection);
  const node = useSession((s) => (s.selection?.kind === 'node' ? s.frame.nodes.find((n) => n.id === s.selection!.id) : undefined));
  const messageAlive = useSession((s) => s.selection?.kind === 'message' && s.frame.inFlight.some((f) => f.message.id === (s.selection as { id: number }).id));
  const step = useSession((s) => s.frame.step);
  const head = useSession((s) => s.frame.head);
  const dropsActions = useSession((s) => s.frame.dropsActions);
  // Only a future the user has seen: a tour or a reload opens at a step with more recorded.
  const seen = useSession((s) => s.seen);
  const partitioned = useSession((s) => s.frame.partition !== null || s.frame.cuts.length > 0);
  const store = useSessionStore();
  return (
    <div className="faults" role="toolbar" aria-label={t('faults.network')}>
      <div className="fault-group">
        {node ? (
          <>
            <strong>{t('faults.node', { node: node.id })}</strong>
            <FaultButtons items={nodeActions(node)} />
            <CommandForms node={node} />
          </>
        ) : selection?.kind === 'message' && messageAlive ? (
          <>
            <strong>{t('faults.message', { id: selection.id })}</strong>
            <FaultButtons items={messageActions(selection.id)} />
          </>
        ) : (
          <span className="hint">{t('faults.noNode')}</span>
        )}
      </div>
      <div className="fault-group">
        <strong>{t('faults.network')}</strong>
        <button type="button" onClick={() => store.getState().openDialog('partition')} title={`${t('faults.partition')} (P)`} aria-keyshortcuts="P" data-testid="open-partition">
          {t('faults.partition')}
        </button>
        <button type="button" disabled={!partitioned} onClick={() => store.getState().act({ do: 'heal' })} title={`${t('faults.heal')} (H)`} aria-keyshortcuts="H" data-testid="heal">
          {t('faults.heal')}
        </button>
      </div>
      {step < head && step < seen && dropsActions && (
        <p className="fork-warning" data-testid="fork-warning">
          <svg className="fork-warning-mark" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M4 13V1M4 8c0-3 6-2 6-6" />
            <circle cx="10" cy="2" r="1.6" />
            <circle cx="4" cy="13" r="1.6" />
          </svg>
          {t(head - step === 1 ? 'fork.warningOne' : 'fork.warning', { step, head, dropped: head - step })}
        </p>
      )}
    </div>
  );
}
