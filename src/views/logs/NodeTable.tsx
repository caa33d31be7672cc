/**
 * The table both per-node history views draw (the replicated log view, Zab's history): one row
 * per node, one numbered column per index of a window, a corner header and a caption for
 * screen readers. The hook reads what every such row needs from the store. Class names take
 * the view's own prefix (`lg`, `zb`), so each keeps its stylesheet.
 */
import { useCallback, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Observable } from '../../sim/types';
import { useSession } from '../session';

/** What each row of a node table is drawn from. */
export interface NodeRowProps {
  id: string;
  state: Observable;
  up: boolean;
  paused: boolean;
  selected: boolean;
  /** The window of indices drawn, from..to inclusive (0 columns: to < from). */
  from: number;
  to: number;
  onSelect(id: string): void;
}

/** The frame's nodes as row props, minus the window; rows re-render when their node does. */
export function useNodeRows(): { states: Observable[]; rows: (window: { from: number; to: number }) => NodeRowProps[] } {
  const states = useSession(useShallow((s) => s.frame.nodes.map((n) => n.state)));
  const ids = useSession(useShallow((s) => s.frame.nodes.map((n) => n.id)));
  const flags = useSession(useShallow((s) => s.frame.nodes.map((n) => (n.up ? 1 : 0) + (n.paused ? 2 : 0))));
  const selected = useSession((s) => (s.selection?.kind === 'node' ? s.selection.id : null));
  const select = useSession((s) => s.select);
  const onSelect = useCallback((id: string) => select({ kind: 'node', id }), [select]);
  const rows = ({ from, to }: { from: number; to: number }) =>
    ids.map((id, k) => ({ id, state: states[k]!, up: (flags[k]! & 1) === 1, paused: (flags[k]! & 2) === 2, selected: selected === id, from, to, onSelect }));
  return { states, rows };
}

interface TableProps {
  /** Class prefix: `lg` gives lg-table, lg-sr, lg-head, lg-corner and the column class. */
  prefix: string;
  label: string;
  caption: string;
  corner: string;
  from: number;
  to: number;
  /** An accessible name per index column, when the number alone says too little. */
  indexLabel?: (index: number) => string;
  /** Header cells standing in for the columns not drawn left and right of `from..to` (the log
   * view draws only those in view); the rows draw the same. */
  padLeft?: ReactNode;
  padRight?: ReactNode;
  children: ReactNode;
}

export function NodeTable({ prefix: p, label, caption, corner, from, to, indexLabel, padLeft, padRight, children }: TableProps) {
  const headers = [];
  for (let i = from; i <= to; i++)
    headers.push(
      <th key={i} scope="col" className={`${p}-col`} aria-label={indexLabel?.(i)}>
        {i}
      </th>,
    );
  return (
    <table className={`${p}-table`} aria-label={label}>
      <caption className={`${p}-sr`}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={`${p}-head ${p}-corner`}>
            {corner}
          </th>
          {padLeft}
          {headers}
          {padRight}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
