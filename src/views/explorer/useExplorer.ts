/** One explorer per page, made on first use: its workers live only while it searches. */
import { useStore } from 'zustand';
import { createExplorer, type ExplorerState, type ExplorerStore } from '../../store/explorer';

let instance: ExplorerStore | null = null;

export function explorerStore(): ExplorerStore {
  return (instance ??= createExplorer());
}

export function useExplorer<T>(selector: (s: ExplorerState) => T): T {
  return useStore(explorerStore(), selector);
}
