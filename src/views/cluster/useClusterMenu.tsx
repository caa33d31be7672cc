/** The cluster's context menu: which node or message it is for, where it opens, what it
 * offers (menus.ts), and giving focus back to the node that opened it. */
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Frame } from '../../store/frame';
import type { SessionStore } from '../../store/session';
import type { Point } from './geometry';
import { nodeFacts, type Translate } from './labels';
import { messageMenu, nodeMenu } from './menus';
import { commandsFor } from '../commands';
import { commandText } from '../../i18n/contentText';
import { ContextMenu, type MenuItem } from './ContextMenu';

type Target = { kind: 'node'; id: string } | { kind: 'message'; id: number };
type MenuState = Target & { x: number; y: number };

interface Options {
  store: SessionStore;
  stage: RefObject<HTMLDivElement | null>;
  frame: Frame;
  t: Translate;
}

export function useClusterMenu({ store, stage, frame, t }: Options) {
  const [menu, setMenu] = useState<MenuState | null>(null);
  const opener = useRef<Element | null>(null);

  const open = useCallback(
    (target: Target, client: Point | null, anchor: Element | null) => {
      const box = stage.current?.getBoundingClientRect();
      if (!box) return;
      let at = client;
      if (!at && anchor) {
        const b = anchor.getBoundingClientRect();
        at = { x: b.left + b.width * 0.75, y: b.top + b.height * 0.5 };
      }
      opener.current = anchor ?? document.activeElement;
      setMenu({ ...target, x: (at?.x ?? box.left) - box.left, y: (at?.y ?? box.top) - box.top });
    },
    [stage],
  );

  const onNodeMenu = useCallback(
    (id: string, client: Point | null) => {
      store.getState().select({ kind: 'node', id });
      open({ kind: 'node', id }, client, stage.current?.querySelector(`[data-node="${CSS.escape(id)}"]`) ?? null);
    },
    [store, stage, open],
  );

  const onMessageMenu = useCallback(
    (id: number, client: Point) => {
      const s = store.getState();
      // A message arrives within milliseconds: stop the clock while the user decides.
      if (s.playing) s.pause();
      s.select({ kind: 'message', id });
      open({ kind: 'message', id }, client, stage.current?.querySelector(`[data-message="${id}"]`) ?? null);
    },
    [store, stage, open],
  );

  const close = useCallback((restoreFocus: boolean) => {
    setMenu(null);
    const el = opener.current;
    opener.current = null;
    if (restoreFocus && el instanceof SVGElement && el.isConnected && el.tabIndex >= 0) el.focus();
  }, []);

  // A menu whose node left the cluster or whose message arrived has nothing left to act on.
  const node = menu?.kind === 'node' ? frame.nodes.find((n) => n.id === menu.id) : undefined;
  const gone = menu !== null && (menu.kind === 'node' ? !node : !frame.inFlight.some((f) => f.message.id === menu.id));
  useEffect(() => {
    if (gone) close(false);
  }, [gone, close]);

  let element: ReactNode = null;
  if (menu && !gone) {
    const act = store.getState().act;
    const { module, lang } = store.getState();
    const commands = node ? commandsFor(module, node.role, node.state).map((spec) => ({ spec, label: commandText(lang, module.id, spec).label })) : [];
    const entries = node ? nodeMenu(t, nodeFacts(node), frame.step, commands) : menu.kind === 'message' ? messageMenu(t, menu.id) : [];
    const items: MenuItem[] = entries.map((e) => ({ ...e, run: () => act(e.action) }));
    const label = menu.kind === 'node' ? t('cluster.menu.node', { id: menu.id }) : t('cluster.menu.message', { id: menu.id });
    element = <ContextMenu label={label} x={menu.x} y={menu.y} items={items} onClose={close} />;
  }

  return { onNodeMenu, onMessageMenu, element };
}
