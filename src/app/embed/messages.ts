/**
 * The embed's postMessage vocabulary (docs/embed.md), and the check of every message a host
 * sends: a plain object, a known `type`, only that type's fields, each of the right kind and
 * range. Anything else is malformed and is ignored by the bridge with a console warning.
 */

export const PROTOCOL_VERSION = 1;
/** The furthest step a host may ask for (persist.ts caps a link's step the same way). */
export const MAX_STEP = 200_000;
/** Outgoing text caps: a tour's answers come from a student's input. */
export const MAX_ID = 64;
export const MAX_ANSWER = 500;
export const MAX_ANSWERS = 100;

export type HostMessage =
  | { type: 'faultline:hello' }
  | { type: 'faultline:goto'; step: number }
  | { type: 'faultline:tour-goto'; step: number }
  | { type: 'faultline:play' }
  | { type: 'faultline:pause' };

export interface ReadyMessage {
  type: 'faultline:ready';
  v: number;
  protocol: string;
  scenario: string;
  step: number;
  total: number;
  time: number;
  until: number;
  locks: { edit: boolean; range: [number, number] | null };
}
export interface StepMessage {
  type: 'faultline:step';
  v: number;
  step: number;
  total: number;
  time: number;
  until: number;
  playing: boolean;
}
export interface TourMessage {
  type: 'faultline:tour';
  v: number;
  tourId: string | null;
  step: number;
  steps: number;
  completed: boolean;
}
export interface AnswerMessage {
  type: 'faultline:answer';
  v: number;
  tourId: string | null;
  question: string;
  answer: string;
}
export interface CompleteMessage {
  type: 'faultline:complete';
  v: number;
  tourId: string | null;
  steps: number;
  answers: Record<string, string>;
}
export type EmbedMessage = ReadyMessage | StepMessage | TourMessage | AnswerMessage | CompleteMessage;

/** Each host message type and the fields it carries besides `type` (and an optional `v`). */
const FIELDS: Record<HostMessage['type'], readonly string[]> = {
  'faultline:hello': [],
  'faultline:goto': ['step'],
  'faultline:tour-goto': ['step'],
  'faultline:play': [],
  'faultline:pause': [],
};

export type Checked = { ok: true; message: HostMessage } | { ok: false; reason: string };

const isStep = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_STEP;

export function checkHostMessage(data: unknown): Checked {
  const bad = (reason: string): Checked => ({ ok: false, reason });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('not an object');
  const proto = Object.getPrototypeOf(data) as unknown;
  if (proto !== Object.prototype && proto !== null) return bad('not a plain object');
  const keys = Object.keys(data);
  if (keys.length > 3) return bad('too many fields');
  const rec = data as Record<string, unknown>;
  const type = rec.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) return bad(`unknown type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}`);
  const fields = FIELDS[type as HostMessage['type']];
  for (const k of keys) if (k !== 'type' && k !== 'v' && !fields.includes(k)) return bad(`${type}: unexpected field ${JSON.stringify(k.slice(0, 40))}`);
  if ('v' in rec && rec.v !== PROTOCOL_VERSION) return bad(`${type}: unsupported version`);
  for (const k of fields) if (!isStep(rec[k])) return bad(`${type}: ${k} must be an integer from 0 to ${MAX_STEP}`);
  return { ok: true, message: (fields.includes('step') ? { type, step: rec.step } : { type }) as HostMessage };
}

/** Text to a host, capped; ids and answers come from tours and students. */
export function capText(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** A tour's answers as sent: string to string, capped in count and length. */
export function capAnswers(answers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof answers !== 'object' || answers === null) return out;
  let n = 0;
  for (const [k, v] of Object.entries(answers)) {
    if (n++ >= MAX_ANSWERS) break;
    if (typeof v === 'string') out[k.slice(0, MAX_ID)] = v.slice(0, MAX_ANSWER);
  }
  return out;
}
