/** The node and message menus: the shared fault lists (views/faults.ts) with labels and
 * separators, plus a one-click client request. */
import type { ActionWithoutTime } from '../../store/session';
import { messageActions, nodeActions, type FaultItem } from '../faults';
import type { NodeFacts, Translate } from './labels';

export type Act = ActionWithoutTime;

export interface MenuEntry {
  key: string;
  label: string;
  action: Act;
  /** Starts a new group (a separator above it). */
  group?: boolean;
}

const entry = (t: Translate, item: FaultItem, group = false): MenuEntry => ({ key: item.key, label: t(item.label, item.vars), action: item.action, group });

/** The faults and commands for a node, given its state. `step` makes request commands unique. */
export function nodeMenu(t: Translate, f: NodeFacts, step: number, canRequest: boolean): MenuEntry[] {
  const items = nodeActions(f);
  const out = items.map((item, i) => entry(t, item, item.key === 'timeout' || (item.key.startsWith('skew') && !items[i - 1]!.key.startsWith('skew'))));
  if (f.up && canRequest) {
    const command = `x=${step}`;
    out.push({ key: 'request', label: t('cluster.menu.request', { command }), action: { do: 'request', node: f.id, command }, group: true });
  }
  return out;
}

export function messageMenu(t: Translate, message: number): MenuEntry[] {
  return messageActions(message).map((item) => entry(t, item));
}
