/**
 * The place of a panel whose code is still loading (issue 17: panels load on demand). It has
 * the panel's usual height, so nothing below it jumps when the panel arrives, and says so in
 * words: a blank box read as broken.
 */
import { useT } from '../session';
import './skeleton.css';

/** `panel`: which panel's size to reserve (skeleton.css), as named in protocolPanels.tsx or
 * App.tsx. */
export function PanelSkeleton({ panel }: { panel: string }) {
  const t = useT();
  return (
    <div className="panel-loading" data-panel={panel} role="status" aria-busy="true" data-testid="panel-skeleton">
      <span>{t('layout.loading')}</span>
    </div>
  );
}
