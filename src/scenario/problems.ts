/**
 * The validator's vocabulary: a capped list of problems, each "path: what is wrong, got X",
 * and small readers that either return a clean value or record a problem.
 */

/** Enough to fix a hand-written file in a few rounds, few enough to read in a dialog. */
export const MAX_ERRORS = 20;
/** A key longer than this is shown cut, as values are: a 900 KB key must not flood a message. */
const MAX_KEY_SHOWN = 40;
/** A path longer than this (keys nested deep) keeps its start and its end. */
const MAX_PATH_SHOWN = 160;
/** What follows the path: rules and values already come short; this bounds any that do not. */
const MAX_MESSAGE = 400;

export class Problems {
  private readonly list: string[] = [];
  private dropped = 0;

  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push(`${shortPath(path)}: ${message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message}`);
    else this.dropped++;
  }

  /** A rule the value breaks; a missing value says so rather than "got undefined". */
  expect(path: string, rule: string, value: unknown): void {
    this.add(path, value === undefined ? `missing (${rule})` : `${rule}, got ${show(value)}`);
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  /** At most MAX_ERRORS lines; the last one counts what was left out. */
  messages(): string[] {
    if (this.dropped === 0) return this.list.slice();
    return [...this.list.slice(0, MAX_ERRORS - 1), `… and ${this.dropped + 1} more problems`];
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function field(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const shown = key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}… (${key.length} characters)` : key;
  const name = /^[A-Za-z_$][\w$]*$/.test(shown) ? shown : JSON.stringify(shown);
  if (path === '') return name;
  return name.startsWith('"') ? `${path}[${name}]` : `${path}.${name}`;
}

function shortPath(path: string): string {
  if (path.length <= MAX_PATH_SHOWN) return path;
  const half = MAX_PATH_SHOWN / 2;
  return `${path.slice(0, half)}…${path.slice(-half)}`;
}

/** An own property only: a key such as "toString" must not reach Object.prototype. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Records every own key that is not allowed; unknown keys are usually typos of known ones. */
export function checkKeys(p: Problems, path: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) p.add(field(path, key), `unknown field (expected ${allowed.join(', ')})`);
  }
}

/** A short, one-line rendering of any value for messages: long input must not flood them. */
export function show(value: unknown): string {
  const s = render(value, 2);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function render(v: unknown, depth: number): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === undefined) return String(v);
  if (Array.isArray(v)) {
    if (depth === 0) return v.length === 0 ? '[]' : '[…]';
    const items = v.slice(0, 6).map((x: unknown) => render(x, depth - 1));
    return `[${items.join(', ')}${v.length > 6 ? ', …' : ''}]`;
  }
  if (isRecord(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    if (depth === 0) return '{…}';
    const items = keys.slice(0, 4).map((k) => `${JSON.stringify(k)}: ${render(v[k], depth - 1)}`);
    return `{ ${items.join(', ')}${keys.length > 4 ? ', …' : ''} }`;
  }
  return `a ${typeof v}`;
}

/** A finite number that satisfies `ok`, with -0 folded to 0 so that JSON round trips are exact. */
export function readNumber(p: Problems, path: string, v: unknown, rule: string, ok: (n: number) => boolean): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && ok(v)) return v === 0 ? 0 : v;
  p.expect(path, rule, v);
  return undefined;
}

export function readString(p: Problems, path: string, v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') p.expect(path, 'must be a string', v);
  else if (v.length > max) p.add(path, `must be at most ${max} characters, got ${v.length}`);
  else return v;
  return undefined;
}

export const isInt = (n: number): boolean => Number.isSafeInteger(n);

/** The scenario's node ids, for checking references to them. A set, so that thousands of
 * actions naming nodes cost one lookup each. `null`: the list itself was refused, so a
 * reference cannot be judged (its error is the list's), and none is kept. */
export class NodeSet {
  private readonly ids: ReadonlySet<string> | null;
  constructor(ids: Iterable<string> | null) {
    this.ids = ids === null ? null : new Set(ids);
  }

  has(id: string): boolean {
    return this.ids === null || this.ids.has(id);
  }

  /** Records a problem unless `v` names one of the nodes. */
  read(p: Problems, path: string, v: unknown): string | undefined {
    if (typeof v !== 'string') {
      p.expect(path, 'must be a node id', v);
      return undefined;
    }
    if (this.has(v)) return v;
    p.add(path, `unknown node ${show(v)} (${this.describe()})`);
    return undefined;
  }

  private describe(): string {
    const ids = [...(this.ids ?? [])];
    if (ids.length === 0) return 'the scenario has no valid nodes';
    const shown = ids.slice(0, 12).join(', ');
    return `nodes are ${shown}${ids.length > 12 ? ', …' : ''}`;
  }
}
