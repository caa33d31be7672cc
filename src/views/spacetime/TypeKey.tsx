/**
 * The diagram's colour key (issue 17, item 10): every message type the run has sent, in the
 * colour the diagram, the cluster view and its legend all give it (cluster/palette.ts), with
 * the switch that hides heartbeats.
 */
import { memo, useRef } from 'react';
import { messageColor } from '../cluster/palette';
import { HeartbeatToggle } from '../HeartbeatToggle';
import { useSession, useT } from '../session';

export const TypeKey = memo(function TypeKey() {
  const t = useT();
  const sim = useSession((s) => s.sim);
  const count = useSession((s) => s.sim.events.length);
  // Read incrementally: a long run is scanned once, not on every redraw.
  const seen = useRef({ sim, read: 0, types: new Set<string>() });
  if (seen.current.sim !== sim) seen.current = { sim, read: 0, types: new Set() };
  for (let i = seen.current.read; i < count; i++) for (const m of sim.events[i]!.sent ?? []) seen.current.types.add(m.type);
  seen.current.read = count;
  const types = [...seen.current.types].sort();
  return (
    <div className="st-typekey" data-testid="spacetime-typekey">
      <span className="st-typekey-title">{t('ux.typeKey')}</span>
      <ul aria-label={t('ux.typeKey')}>
        {types.map((type) => (
          <li key={type} data-type={type}>
            <span className="st-swatch" style={{ background: messageColor(type) }} aria-hidden="true" />
            {type}
          </li>
        ))}
      </ul>
      <HeartbeatToggle />
    </div>
  );
});
