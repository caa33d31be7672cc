/**
 * Panels a protocol asks for through `view.panels` (a ring, a transaction table), by place in
 * the layout. Adding a protocol's panel adds one entry here; App.tsx does not change.
 */
import type { ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from './session';
import { TransactionTable } from './transactions/TransactionTable';
import { LogView } from './logs/LogView';
import { RingPanel } from './ring/RingPanel';
import { AcceptorTable } from './acceptors/AcceptorTable';
import { ChosenBanner } from './acceptors/ChosenBanner';
import { ZabHistory } from './zab/ZabHistory';
import { LeasePanel } from './leases/LeasePanel';
import { SlotLog } from './slots/SlotLog';
import { HistoryPanel } from './history/HistoryPanel';

/** `stage`: beside the cluster view, following every frame. `side` and `bottom`: with the
 * other panels, calmed while playing. */
export type PanelPlace = 'stage' | 'side' | 'bottom';

interface PanelEntry {
  place: PanelPlace;
  component: ComponentType;
  /** In compare mode each pane shows its own, so the shared layout does not. */
  inComparePanes?: boolean;
}

const PANELS: Record<string, PanelEntry> = {
  log: { place: 'bottom', component: LogView, inComparePanes: true },
  transactions: { place: 'bottom', component: TransactionTable, inComparePanes: true },
  ring: { place: 'stage', component: RingPanel },
  acceptors: { place: 'bottom', component: AcceptorTable },
  chosen: { place: 'stage', component: ChosenBanner },
  'zab-history': { place: 'bottom', component: ZabHistory },
  leases: { place: 'bottom', component: LeasePanel, inComparePanes: true },
  slots: { place: 'bottom', component: SlotLog, inComparePanes: true },
  history: { place: 'bottom', component: HistoryPanel },
};

export function ProtocolPanels({ place }: { place: PanelPlace }) {
  const ids = useSession(useShallow((s) => s.module.view.panels));
  const comparing = useSession((s) => !!s.sim.scenario.compare);
  return (
    <>
      {ids.map((id) => {
        const entry = PANELS[id];
        if (!entry || entry.place !== place || (comparing && entry.inComparePanes)) return null;
        const Panel = entry.component;
        return <Panel key={id} />;
      })}
    </>
  );
}

/** In compare mode, the panels each pane shows for its own run (a 2PC transaction table, a
 * Raft log beside a Multi-Paxos slot log). */
export function PanePanels() {
  const ids = useSession(useShallow((s) => s.module.view.panels));
  return (
    <>
      {ids.map((id) => {
        const entry = PANELS[id];
        if (!entry?.inComparePanes) return null;
        const Panel = entry.component;
        return <Panel key={id} />;
      })}
    </>
  );
}
