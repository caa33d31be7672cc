/**
 * The selected node's quick actions beside it, the way RaftScope's menu works (issue 17,
 * item 2): crash or restart, pause or resume, and a timeout, as icons one click away. The
 * actions bar under the stage is the one place that names every action (clock skew, a restart
 * that loses the disk, the protocol's commands with their fields); this strip repeats none of
 * its labels: each icon's name and shortcut are its tooltip and its accessible name. A toolbar,
 * not a modal menu: it stays while the node is selected, Tab reaches it, "A" focuses it, the
 * arrows move along it, Escape gives focus back to the node.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Frame } from '../../store/frame';
import type { SessionStore } from '../../store/session';
import { nodeFacts, type Translate } from './labels';
import { nodeActions } from '../faults';
import { QUICK_KEYS, QuickIcon } from './QuickIcon';

interface Props {
  store: SessionStore;
  stage: RefObject<HTMLDivElement | null>;
  frame: Frame;
  id: string;
  t: Translate;
  /** Changes when the node's place changes (the layout), so the toolbar follows it. */
  layoutKey: unknown;
}

/** Gap between the node's rim and the toolbar, in CSS pixels. */
const GAP = 10;
/** A smaller stage would be crowded: there the actions bar under the stage carries the
 * node's actions alone. */
const MIN_STAGE = { width: 420, height: 220 };

export function NodeActions({ store, stage, frame, id, t, layoutKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | 'none' | null>(null);
  const node = frame.nodes.find((n) => n.id === id);

  // Beside the node on its outer side, past its label, so it covers no other node: towards the
  // middle it sat over the ring's centre and hid the neighbours (issue 17). The other side, then
  // anywhere inside the stage, only when that does not fit or would cover a node.
  useLayoutEffect(() => {
    const host = stage.current;
    const el = ref.current;
    const group = host?.querySelector(`[data-node="${CSS.escape(id)}"]`);
    const glyph = group?.querySelector('circle');
    if (!host) return;
    if (host.clientWidth < MIN_STAGE.width || host.clientHeight < MIN_STAGE.height) return setPos('none');
    // Render it hidden first, then measure it (the effect runs again when pos turns null).
    if (!el || !group || !glyph) return setPos(null);
    const box = host.getBoundingClientRect();
    const g = glyph.getBoundingClientRect();
    const all = group.getBoundingClientRect();
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const y = Math.max(4, Math.min(g.top - box.top + g.height / 2 - h / 2, host.clientHeight - h - 4));
    const right = Math.max(g.right, all.right) - box.left + GAP;
    const left = Math.min(g.left, all.left) - box.left - GAP - w;
    const outward = (g.left + g.right) / 2 - box.left > host.clientWidth / 2;
    const others = [...host.querySelectorAll(`[data-node]:not([data-node="${CSS.escape(id)}"]) circle`)].map((c) => c.getBoundingClientRect());
    const clear = (x: number) =>
      x >= 4 && x + w <= host.clientWidth - 4 && others.every((o) => o.right - box.left <= x || o.left - box.left >= x + w || o.bottom - box.top <= y || o.top - box.top >= y + h);
    const x = [outward ? right : left, outward ? left : right].find(clear) ?? (outward ? right : left);
    setPos({ left: Math.max(4, Math.min(x, host.clientWidth - w - 4)), top: y });
  }, [id, layoutKey, stage, node?.up, pos === null]);

  if (!node || pos === 'none') return null;
  const items = nodeActions(nodeFacts(node)).filter((item) => QUICK_KEYS.includes(item.key));
  const label = t('cluster.menu.node', { id });

  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') move(at < 0 ? -1 : at - 1);
    else if (e.key === 'Escape') stage.current?.querySelector<SVGElement>(`[data-node="${CSS.escape(id)}"]`)?.focus();
    else return;
    // The app's shortcuts stay out of the arrows and Escape while the toolbar has focus.
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-orientation="horizontal"
      aria-label={label}
      className="cl-actions"
      data-testid="node-actions"
      style={pos ?? { visibility: 'hidden' }}
      onKeyDown={key}
      onClick={(e) => e.stopPropagation()}
    >
      {items.map((item) => {
        const name = t(item.label, item.vars);
        return (
          <button key={item.key} type="button" data-action={item.key} aria-label={name} title={`${name} (${item.shortcut})`} aria-keyshortcuts={item.shortcut} onClick={() => store.getState().act(item.action)}>
            <QuickIcon name={item.key} />
          </button>
        );
      })}
    </div>
  );
}
