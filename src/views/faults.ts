/** The faults on offer for a node or a message, shared by the toolbar, the context menu and
 * the keyboard shortcuts, so all three always agree. */
import type { ActionWithoutTime } from '../store/session';
import type { StringKey } from '../i18n';

/** What the fault list needs to know about a node. */
export interface NodeFaultFacts {
  id: string;
  up: boolean;
  paused: boolean;
  rate: number;
}

/** How long "delay" holds a message back, in simulated ms. */
export const DELAY_BY = 100;

export interface FaultItem {
  key: string;
  label: StringKey;
  vars?: Record<string, string | number>;
  action: ActionWithoutTime;
  shortcut?: string;
}

export function nodeActions(node: NodeFaultFacts): FaultItem[] {
  const id = node.id;
  if (!node.up) {
    return [
      { key: 'restart', label: 'faults.restart', action: { do: 'restart', node: id }, shortcut: 'C' },
      { key: 'restart-lose-disk', label: 'faults.restartLoseDisk', action: { do: 'restart', node: id, loseDisk: true }, shortcut: 'Shift+C' },
    ];
  }
  return [
    { key: 'crash', label: 'faults.crash', action: { do: 'crash', node: id }, shortcut: 'C' },
    node.paused
      ? { key: 'resume', label: 'faults.resume', action: { do: 'resume', node: id }, shortcut: 'Z' }
      : { key: 'pause', label: 'faults.pause', action: { do: 'pause', node: id }, shortcut: 'Z' },
    { key: 'timeout', label: 'faults.timeout', action: { do: 'timeout', node: id }, shortcut: 'T' },
    ...[2, 0.5, 1]
      .filter((rate) => rate !== node.rate)
      .map((rate): FaultItem => ({ key: `skew-${rate}`, label: 'faults.skew', vars: { rate }, action: { do: 'skew', node: id, rate }, shortcut: 'K' })),
  ];
}

export function messageActions(id: number): FaultItem[] {
  return [
    { key: 'drop', label: 'faults.drop', action: { do: 'drop', message: id }, shortcut: 'X' },
    { key: 'duplicate', label: 'faults.duplicate', action: { do: 'duplicate', message: id }, shortcut: 'D' },
    { key: 'delay', label: 'faults.delay', vars: { by: DELAY_BY }, action: { do: 'delay', message: id, by: DELAY_BY }, shortcut: 'Y' },
  ];
}

/** The next clock rate the skew shortcut cycles to. */
export function nextRate(rate: number): number {
  return rate === 1 ? 2 : rate === 2 ? 0.5 : 1;
}
