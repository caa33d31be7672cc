/**
 * The leaves of the JSON tree: what counts as a primitive or a flat record (which decides how a
 * value is laid out), a primitive rendered with its type's style, and a one-line text form for
 * old values. Text only: values from states and payloads are never rendered as markup.
 */
export type Json = unknown;

export const isPrimitive = (v: Json): boolean => v === null || v === undefined || typeof v !== 'object';
export const isFlatObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isPrimitive);

export function Primitive({ value }: { value: Json }) {
  if (value === null || value === undefined) return <span className="js-null">null</span>;
  if (typeof value === 'number') return <span className="js-num">{value}</span>;
  if (typeof value === 'boolean') return <span className="js-bool">{String(value)}</span>;
  if (typeof value === 'string') return <span className="js-str">"{value}"</span>;
  return <span className="js-str">{String(value)}</span>;
}

/** A compact one-line rendering of an old value (text only, never markup). */
export function oneLine(v: Json): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
