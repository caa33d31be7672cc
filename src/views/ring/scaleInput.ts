/**
 * The scale form's inputs: their limits (what a browser tab computes in seconds) and the check
 * of raw form values, each problem named by field with a message key for the form to show.
 */
export const SCALE_LIMITS = { servers: 1000, vnodes: 200, keys: 1_000_000 } as const;

export interface ScaleInput {
  servers: number;
  vnodes: number;
  keys: number;
}

/** A problem with one input: which field, and a message key with its values. */
export interface InputProblem {
  field: keyof ScaleInput;
  key: `ring.scale.${'bad' | 'empty'}.${'servers' | 'vnodes' | 'keys'}`;
  vars: Record<string, string | number>;
}

/** Checks raw form values: whole numbers within the limits, each problem named. */
export function validateScale(raw: Record<keyof ScaleInput, string>): { input: ScaleInput | null; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const read = (field: keyof ScaleInput, min: number, max: number): number => {
    const text = raw[field].trim().replace(/[,_\s]/g, '');
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    const value = raw[field].trim();
    if (!(n >= min && n <= max)) problems.push({ field, key: `ring.scale.${value ? 'bad' : 'empty'}.${field}`, vars: { value, min, max } });
    return n;
  };
  const input = { servers: read('servers', 1, SCALE_LIMITS.servers), vnodes: read('vnodes', 1, SCALE_LIMITS.vnodes), keys: read('keys', 1, SCALE_LIMITS.keys) };
  return { input: problems.length ? null : input, problems };
}
