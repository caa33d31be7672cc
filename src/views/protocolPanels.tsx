/**
 * Panels a protocol asks for through `view.panels` (a ring, a transaction table), by place in
 * the layout. Adding a protocol's panel adds one entry here; App.tsx does not change. Each
 * panel's code loads when a protocol first asks for it, so the first load stays small.
 */
import { panelIds } from './panelIds';
import { Suspense, lazy, type ComponentType } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSession } from './session';
import { VIEW_STRINGS, loadStrings } from '../i18n';
import { PanelSkeleton } from './loading/PanelSkeleton';

/** `stage`: beside the cluster view, following every frame. `side` and `bottom`: with the
 * other panels, calmed while playing. */
export type PanelPlace = 'stage' | 'side' | 'bottom';

interface PanelEntry {
  place: PanelPlace;
  component: ComponentType;
  /** In compare mode each pane shows its own, so the shared layout does not. */
  inComparePanes?: boolean;
}

/** A panel loaded on demand: the module and the name of its component. */
export function lazyPanel<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  // The views' string tables come with the first of them (i18n/later.ts, issue 17); a table
  // that fails to arrive does not keep the view from showing.
  const strings = () => loadStrings(VIEW_STRINGS).catch(() => undefined);
  return lazy(() => Promise.all([load(), strings()]).then(([m]) => ({ default: m[name] as ComponentType })));
}

const PANELS: Record<string, PanelEntry> = {
  log: { place: 'bottom', component: lazyPanel(() => import('./logs/LogView'), 'LogView'), inComparePanes: true },
  transactions: { place: 'bottom', component: lazyPanel(() => import('./transactions/TransactionTable'), 'TransactionTable'), inComparePanes: true },
  ring: { place: 'bottom', component: lazyPanel(() => import('./ring/RingPanel'), 'RingPanel') },
  acceptors: { place: 'bottom', component: lazyPanel(() => import('./acceptors/AcceptorTable'), 'AcceptorTable') },
  chosen: { place: 'stage', component: lazyPanel(() => import('./acceptors/ChosenBanner'), 'ChosenBanner') },
  'zab-history': { place: 'bottom', component: lazyPanel(() => import('./zab/ZabHistory'), 'ZabHistory') },
  leases: { place: 'bottom', component: lazyPanel(() => import('./leases/LeasePanel'), 'LeasePanel'), inComparePanes: true },
  slots: { place: 'bottom', component: lazyPanel(() => import('./slots/SlotLog'), 'SlotLog'), inComparePanes: true },
  history: { place: 'bottom', component: lazyPanel(() => import('./history/HistoryPanel'), 'HistoryPanel') },
};

function Panels({ ids, keep }: { ids: readonly string[]; keep: (entry: PanelEntry) => boolean }) {
  return (
    <>
      {ids.map((id) => {
        const entry = PANELS[id];
        if (!entry || !keep(entry)) return null;
        const Panel = entry.component;
        return (
          <Suspense key={id} fallback={<PanelSkeleton panel={id} />}>
            <Panel />
          </Suspense>
        );
      })}
    </>
  );
}

export function ProtocolPanels({ place }: { place: PanelPlace }) {
  const ids = useSession(useShallow((s) => panelIds(s.module)));
  const comparing = useSession((s) => !!s.sim.scenario.compare);
  return <Panels ids={ids} keep={(e) => e.place === place && !(comparing && e.inComparePanes)} />;
}

/** In compare mode, the panels each pane shows for its own run (a 2PC transaction table, a
 * Raft log beside a Multi-Paxos slot log). */
export function PanePanels() {
  const ids = useSession(useShallow((s) => panelIds(s.module)));
  return <Panels ids={ids} keep={(e) => !!e.inComparePanes} />;
}
