/**
 * The top bar's file actions: "Open…" (a file picker, Ctrl/⌘+O, or a file dropped anywhere on
 * the window) and an "Export ▾" menu (trace, scenario, pictures of the views). A file is
 * checked completely before the session is touched; a bad one leaves it as it was.
 */
import { Fragment, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionStore } from '../../store/session';
import { MAX_SCENARIO_BYTES, MAX_TRACE_BYTES, exportBaseName, scenarioFileText, traceAtStep } from '../../store/importFile';
import { useImport } from './importInto';
import type { StringKey } from '../../i18n';
import { useSessionStore, useT } from '../session';
import { downloadBlob, downloadText } from './download';
import { findTarget, renderImage, type ImageFormat, type ViewId } from './exportImage';
import { DropZone } from './DropZone';
import './io.css';

function OpenButton({ busy, onFile }: { busy: boolean; onFile(file: File): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        input.current?.click();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} title={t('io.openTip')} aria-keyshortcuts="Control+O Meta+O" disabled={busy} aria-busy={busy} data-testid="open-file">
        {busy ? t('io.opening') : t('io.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="io-file"
        aria-label={t('io.fileLabel')}
        tabIndex={-1}
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that choosing the same file again is a change too.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

interface Item {
  id: string;
  label: StringKey;
  tip: string;
  disabled?: string;
  run(): void | Promise<void>;
}

function saveTrace(store: SessionStore) {
  const s = store.getState();
  // The clock as shown (it runs on between events), not the world's time at the last event:
  // opened again, the trace shows the same step and the same clock.
  const final = { time: s.frame.time, nodes: Object.fromEntries(s.frame.nodes.map((n) => [n.id, { up: n.up, state: n.state }])) };
  const trace = traceAtStep(s.sim.trace(), s.frame.step, final);
  downloadText(JSON.stringify(trace), `${exportBaseName(s.sim.scenario, s.frame.step)}.json`, 'application/json');
}

function saveScenario(store: SessionStore) {
  const s = store.getState();
  downloadText(scenarioFileText(s.sim.scenario), `${exportBaseName(s.sim.scenario, s.frame.step).replace(/-\d+$/, '')}-scenario.json`, 'application/json');
}

async function saveImage(store: SessionStore, view: ViewId, format: ImageFormat) {
  // A picture is of one moment: pause, and let the cluster view put messages drawn on its
  // playback canvas back into the SVG before it is read.
  if (store.getState().playing) {
    store.getState().pause();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  const target = findTarget(view);
  if (!target) throw new Error(view === 'cluster' ? 'no cluster view' : 'no space-time diagram');
  const s = store.getState();
  // The diagram's exporter loads with the diagram's code, on demand.
  const spaceTimeSvg = view === 'spacetime' ? (await import('../spacetime/exportSvg')).spaceTimeSvg : null;
  const blob = await renderImage(target, format, spaceTimeSvg ? () => spaceTimeSvg(s) : undefined);
  downloadBlob(blob, `${exportBaseName(s.sim.scenario, s.frame.step)}-${view}.${format}`);
}

function ExportMenu() {
  const t = useT();
  const store = useSessionStore();
  const [open, setOpen] = useState(false);
  const [present, setPresent] = useState({ cluster: true, spacetime: false });
  const [step, setStep] = useState(0);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const items: Item[] = [
    { id: 'trace', label: 'io.trace', tip: t('io.traceTip', { step }), run: () => saveTrace(store) },
    { id: 'scenario', label: 'io.scenario', tip: t('io.scenarioTip'), run: () => saveScenario(store) },
    ...(['cluster', 'spacetime'] as const).flatMap((view) =>
      (['svg', 'png'] as const).map(
        (format): Item => ({
          id: `${view}-${format}`,
          label: `io.${view}${format === 'svg' ? 'Svg' : 'Png'}` as StringKey,
          tip: t(format === 'svg' ? 'io.svgTip' : 'io.pngTip'),
          ...(present[view] ? {} : { disabled: t(view === 'cluster' ? 'io.noCluster' : 'io.noSpacetime') }),
          run: () => saveImage(store, view, format),
        }),
      ),
    ),
  ];

  const show = (where: 'first' | 'last') => {
    // What can be pictured is read when the menu opens: views come and go.
    setPresent({ cluster: findTarget('cluster') !== null, spacetime: findTarget('spacetime') !== null });
    setStep(store.getState().frame.step);
    focusOnOpen.current = where;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const list = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    (focusOnOpen.current === 'first' ? list?.[0] : list?.[list.length - 1])?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    addEventListener('pointerdown', outside, true);
    return () => removeEventListener('pointerdown', outside, true);
  }, [open]);

  const activate = (item: Item) => {
    if (item.disabled) return;
    close(true);
    void Promise.resolve()
      .then(() => item.run())
      .catch((e: unknown) => store.getState().setNotice({ kind: 'error', key: 'notice.exportFailed', detail: e instanceof Error ? e.message : String(e) }));
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => list[(i + list.length) % list.length]?.focus();
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div className="io-menu-wrap">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={t('io.exportTip')}
        data-testid="export-menu"
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            show(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {t('io.export')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={t('io.export')} className="io-menu" onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <Fragment key={item.id}>
              {(i === 2 || i === 4) && <div role="separator" className="io-sep" />}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="io-item"
                aria-disabled={item.disabled ? true : undefined}
                title={item.disabled ?? item.tip}
                data-item={item.id}
                onClick={() => activate(item)}
              >
                {t(item.label)}
              </button>
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}

export function ExportImport() {
  const t = useT();
  const store = useSessionStore();
  const { busy, run } = useImport(store);
  const onFile = useCallback((file: File) => void run(file), [run]);
  const onMany = useCallback(() => store.getState().setNotice({ kind: 'error', key: 'notice.dropOne' }), [store]);
  const mib = (n: number) => `${n / (1024 * 1024)} MiB`;
  return (
    <>
      <OpenButton busy={busy} onFile={onFile} />
      <ExportMenu />
      <DropZone onFile={onFile} onMany={onMany} title={t('io.dropTitle')} hint={t('io.dropHint', { trace: mib(MAX_TRACE_BYTES), scenario: mib(MAX_SCENARIO_BYTES) })} />
    </>
  );
}
