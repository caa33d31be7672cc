/**
 * Panels a protocol asks for through `view.panels` (a ring, a transaction table), by place in
 * the layout. Adding a protocol's panel adds one entry here; App.tsx does not change.
 */
import type { ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from './session';
import { TransactionTable } from './transactions/TransactionTable';
import { LogView } from './logs/LogView';

/** `stage`: beside the cluster view, following every frame. `side` and `bottom`: with the
 * other panels, calmed while playing. */
export type PanelPlace = 'stage' | 'side' | 'bottom';

interface PanelEntry {
  place: PanelPlace;
  component: ComponentType;
}

const PANELS: Record<string, PanelEntry> = {
  log: { place: 'bottom', component: LogView },
  transactions: { place: 'bottom', component: TransactionTable },
};

export function ProtocolPanels({ place }: { place: PanelPlace }) {
  const ids = useSession(useShallow((s) => s.module.view.panels));
  return (
    <>
      {ids.map((id) => {
        const entry = PANELS[id];
        if (!entry || entry.place !== place) return null;
        const Panel = entry.component;
        return <Panel key={id} />;
      })}
    </>
  );
}
