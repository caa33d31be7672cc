/**
 * Drag and drop of a file anywhere on the window, with an overlay while a file is dragged
 * over it. Only drags that carry files are taken: text or links dragged inside the app are not.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

/** Drags end without a dragleave when dropped outside the window: hide after this quiet time. */
const QUIET_MS = 400;

const carriesFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');

export function DropZone({ onFile, onMany, title, hint }: { onFile(file: File): void; onMany(): void; title: string; hint: string }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const hide = () => {
      depth = 0;
      clearTimeout(quiet);
      setOver(false);
    };
    const still = () => {
      clearTimeout(quiet);
      quiet = setTimeout(hide, QUIET_MS);
    };
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
      still();
    };
    const dragover = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file itself, leaving the app.
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
      setOver(true);
      still();
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) hide();
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      hide();
      const files = e.dataTransfer!.files;
      if (files.length === 1) onFile(files[0]!);
      else if (files.length > 1) onMany();
    };
    addEventListener('dragenter', enter);
    addEventListener('dragover', dragover);
    addEventListener('dragleave', leave);
    addEventListener('drop', drop);
    return () => {
      clearTimeout(quiet);
      removeEventListener('dragenter', enter);
      removeEventListener('dragover', dragover);
      removeEventListener('dragleave', leave);
      removeEventListener('drop', drop);
    };
  }, [onFile, onMany]);
  if (!over) return null;
  return createPortal(
    <div className="io-drop" data-testid="drop-overlay" role="status">
      <div className="io-drop-card">
        <p className="io-drop-icon" aria-hidden="true">
          ⤓
        </p>
        <p className="io-drop-title">{title}</p>
        <p className="io-drop-hint">{hint}</p>
      </div>
    </div>,
    document.body,
  );
}
