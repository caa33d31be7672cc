/** An accessible context menu: `role="menu"` with `menuitem` buttons, focus on the first
 * item, arrow keys / Home / End to move, Escape or a click outside to close. */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  key: string;
  label: string;
  /** A separator goes before this item. */
  group?: boolean;
  run(): void;
}

interface ContextMenuProps {
  label: string;
  /** Position inside the positioned parent, in CSS pixels. */
  x: number;
  y: number;
  items: MenuItem[];
  /** `restoreFocus`: give focus back to what opened the menu (keyboard closes). */
  onClose(restoreFocus: boolean): void;
}

export function ContextMenu({ label, x, y, items, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });

  // Keep the menu inside its parent, then focus the first item.
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.offsetParent as HTMLElement | null;
    if (!el) return;
    const maxX = (parent?.clientWidth ?? window.innerWidth) - el.offsetWidth - 4;
    const maxY = (parent?.clientHeight ?? window.innerHeight) - el.offsetHeight - 4;
    setPos({ left: Math.max(4, Math.min(x, maxX)), top: Math.max(4, Math.min(y, maxY)) });
    el.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [x, y]);

  useEffect(() => {
    const outside = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    // The app's shortcuts (Space, arrows, digits) stay out while the menu is open.
    e.stopPropagation();
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at < 0 ? -1 : at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(-1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose(true);
    else return;
    e.preventDefault();
  };

  return (
    <div ref={ref} role="menu" aria-label={label} className="cl-menu" style={pos} onKeyDown={key} onContextMenu={(e) => e.preventDefault()}>
      <div className="cl-menu-title" aria-hidden="true">
        {label}
      </div>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={item.group ? 'cl-menu-group' : undefined}
          onClick={() => {
            item.run();
            onClose(true);
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
