/** The glyphs of the quick actions beside the selected node (NodeActions.tsx): drawn, not font
 * characters, so they look the same in every font, and never the only cue (each button has a
 * name and a tooltip). */
const PATHS: Record<string, string> = {
  // A power symbol.
  crash: 'M8 1.8v5.4M4.6 3.9a5.1 5.1 0 1 0 6.8 0',
  // A circular arrow.
  restart: 'M12.9 8.6A5 5 0 1 1 11.3 4.1M11.8 1.2v3.4H8.4',
  pause: 'M5.2 3v10M10.8 3v10',
  // Play: a closed triangle.
  resume: 'M4.5 2.6v10.8L13 8z',
  // A clock whose hand jumps: the election timer, fired now.
  timeout: 'M8 4.6V8l2.4 1.6M14 8A6 6 0 1 1 2 8a6 6 0 0 1 12 0',
};

export const QUICK_KEYS: readonly string[] = Object.keys(PATHS);

export function QuickIcon({ name }: { name: string }) {
  const d = PATHS[name];
  if (!d) return null;
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" className="cl-quick-icon">
      <path d={d} fill={name === 'resume' ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={name === 'pause' ? 2.6 : 1.8} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
