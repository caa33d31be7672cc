/** The switch that hides heartbeats in the space-time diagram and the cluster view at once. */
import { setHeartbeatsHidden, useHeartbeatsHidden } from './heartbeats';
import { useT } from './session';

export function HeartbeatToggle({ className }: { className?: string }) {
  const t = useT();
  const hidden = useHeartbeatsHidden();
  return (
    <label className={`hb-toggle${className ? ` ${className}` : ''}`} title={t('ux.heartbeats.tip')}>
      <input type="checkbox" checked={hidden} onChange={(e) => setHeartbeatsHidden(e.target.checked)} data-testid="hide-heartbeats" />
      {t('ux.heartbeats.hide')}
    </label>
  );
}
