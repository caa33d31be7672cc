/** The node and message menus: the shared fault lists (views/faults.ts) with labels and
 * separators, plus the node's protocol commands with their default fields. */
import type { ActionWithoutTime } from '../../store/session';
import { messageActions, nodeActions, type FaultItem } from '../faults';
import type { NodeFacts, Translate } from './labels';
import type { CommandSpec } from '../../protocols/types';
import { commandAction } from '../commands';

export type Act = ActionWithoutTime;

export interface MenuEntry {
  key: string;
  label: string;
  action: Act;
  /** Starts a new group (a separator above it). */
  group?: boolean;
}

const entry = (t: Translate, item: FaultItem, group = false): MenuEntry => ({ key: item.key, label: t(item.label, item.vars), action: item.action, group });

/** A protocol command the node accepts, with its label in the current language. */
export interface MenuCommand {
  spec: CommandSpec;
  label: string;
}

/** The faults and commands for a node, given its state. Commands take their default fields;
 * `step` makes request commands unique. */
export function nodeMenu(t: Translate, f: NodeFacts, step: number, commands: readonly MenuCommand[]): MenuEntry[] {
  const items = nodeActions(f);
  const out = items.map((item, i) => entry(t, item, item.key === 'timeout' || (item.key.startsWith('skew') && !items[i - 1]!.key.startsWith('skew'))));
  if (!f.up) return out;
  commands.forEach(({ spec, label }, i) => {
    const action = commandAction(spec, f.id, step);
    const request = spec.id === 'request';
    out.push({
      key: request ? 'request' : `command-${spec.id}`,
      label: request ? t('cluster.menu.request', { command: String((action as { command?: unknown }).command) }) : label,
      action,
      group: i === 0,
    });
  });
  return out;
}

export function messageMenu(t: Translate, message: number): MenuEntry[] {
  return messageActions(message).map((item) => entry(t, item));
}
