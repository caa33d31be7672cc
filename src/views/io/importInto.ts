/**
 * Opening a file: read, checked completely, then loaded (a tour file plays as a tour). A bad
 * file leaves the session as it was and says why.
 */
import { useCallback, useRef, useState } from 'react';
import type { SessionStore } from '../../store/session';
import { withProtocols } from '../../store/protocolLoad';
import { checkFileSize, readImport } from '../../store/importFile';

/** Errors shown in a notice; the rest are counted. */
const SHOWN_ERRORS = 6;

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Reads, checks and loads one file. Resolves when the session shows it (or still shows the old run). */
export async function importInto(store: SessionStore, file: File): Promise<void> {
  const failed = (errors: string[]) => {
    const shown = errors.slice(0, SHOWN_ERRORS);
    if (errors.length > SHOWN_ERRORS) shown.push(`… and ${errors.length - SHOWN_ERRORS} more`);
    store.getState().setNotice({ kind: 'error', key: 'notice.importFailed', detail: `${file.name}: ${shown.join('; ')}` });
  };
  const tooBig = checkFileSize(file.size);
  if (tooBig) return failed([tooBig]);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return failed([`could not read the file (${e instanceof Error ? e.message : String(e)})`]);
  }
  // A tour file plays as a tour (issue 18); its code loads only then.
  if (/"faultline-tour"/.test(text.slice(0, 256))) {
    const tours = await import('../../store/tourFile');
    if (tours.isTourText(text)) {
      const errors = await tours.openTourText(store, text);
      return errors ? failed(errors) : undefined;
    }
  }
  // Validation needs the file's protocols: loaded on demand (issue 17).
  const r = await withProtocols(() => readImport(text, file.size));
  if (!r.ok) return failed(r.errors);
  const before = store.getState().sim;
  store.getState().replace(r.scenario, r.step);
  // A run that fails while loading has said why (notice.runError) and kept the old run.
  if (store.getState().sim === before) return;
  if (r.kind === 'scenario') return store.getState().setNotice({ kind: 'info', key: 'notice.imported' });
  // The clock the trace was saved at, which may lie after its last event: the round trip is exact.
  if (r.time !== undefined) store.getState().seekStep(r.step, r.time);
  const mismatch = r.warnings.find((w) => w.kind === 'mismatch');
  const violations = r.warnings.find((w) => w.kind === 'violations');
  if (mismatch) store.getState().setNotice({ kind: 'error', key: 'notice.traceMismatch', detail: String(mismatch.step) });
  else if (violations) store.getState().setNotice({ kind: 'error', key: 'notice.traceViolations', detail: `${violations.recorded} → ${violations.found}` });
  else store.getState().setNotice({ kind: 'info', key: 'notice.traceLoaded', detail: String(r.step) });
}

/** One import at a time, with a busy flag for the Open button. */
export function useImport(store: SessionStore) {
  const [busy, setBusy] = useState(false);
  // One file at a time: a second drop while the first is being checked is ignored.
  const running = useRef(false);
  const run = useCallback(
    async (file: File) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      try {
        // Let "Opening…" paint before the (synchronous) parse and replay.
        await nextPaint();
        await importInto(store, file);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [store],
  );
  return { busy, run };
}
