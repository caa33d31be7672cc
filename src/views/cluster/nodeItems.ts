/** A node's menu entries (faults and protocol commands) as runnable items: shared by the
 * context menu and the actions popover beside the selected node. */
import type { NodeFrame } from '../../store/frame';
import type { SessionStore } from '../../store/session';
import { commandText } from '../../i18n/contentText';
import { commandsFor } from '../commands';
import type { MenuItem } from './ContextMenu';
import { nodeFacts, type Translate } from './labels';
import { nodeMenu } from './menus';

export function nodeItems(store: SessionStore, node: NodeFrame, step: number, t: Translate): MenuItem[] {
  const { module, lang, act } = store.getState();
  const commands = commandsFor(module, node.role, node.state).map((spec) => ({ spec, label: commandText(lang, module.id, spec).label }));
  return nodeMenu(t, nodeFacts(node), step, commands).map((e) => ({ ...e, run: () => act(e.action) }));
}
