/** The switch that hides heartbeats in the space-time diagram and the cluster view at once. */
import { memo } from 'react';
import { setHeartbeatsHidden, useHeartbeatsHidden } from './heartbeats';
import { useT } from './session';

/** Memoized: it sits in the cluster view, which renders on every seek, and a controlled
 * checkbox rendered again has React write three of its attributes again (issue 17, item 5). */
export const HeartbeatToggle = memo(function HeartbeatToggle({ className }: { className?: string }) {
  const t = useT();
  const hidden = useHeartbeatsHidden();
  return (
    <label className={`hb-toggle${className ? ` ${className}` : ''}`} title={t('ux.heartbeats.tip')}>
      <input type="checkbox" checked={hidden} onChange={(e) => setHeartbeatsHidden(e.target.checked)} data-testid="hide-heartbeats" />
      {t('ux.heartbeats.hide')}
    </label>
  );
});
