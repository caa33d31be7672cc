/** Validation of `actions`: kernel faults with the fields the kernel reads, and protocol commands. */
import type { CommandSpec, ProtocolModule } from '../protocols/types';
import { KERNEL_ACTIONS, type Action, type KernelActionKind } from './types';
import { checkKeys, field, isInt, isRecord, own, readNumber, show, type NodeSet, type Problems } from './problems';

export const MAX_ACTIONS = 10_000;
const MAX_TEXT_FIELD = 1_000;
const MAX_TIMER_NAME = 100;

export interface ActionContext {
  nodes: NodeSet;
  /** Undefined when the protocol is unknown: its commands cannot be checked. */
  module: ProtocolModule | undefined;
  /** Undefined when `until` itself is invalid, so that one mistake is reported once. */
  until: number | undefined;
}

type Reader = (p: Problems, path: string, v: unknown, ctx: ActionContext) => unknown;
interface FieldRule {
  read: Reader;
  optional?: boolean;
}

const node: FieldRule = { read: (p, path, v, ctx) => ctx.nodes.read(p, path, v) };
const message: FieldRule = {
  read: (p, path, v) => readNumber(p, path, v, 'must be a message id (a whole number ≥ 1)', (n) => isInt(n) && n >= 1),
};
const timerName: Reader = (p, path, v) => {
  if (typeof v === 'string' && v.length > 0 && v.length <= MAX_TIMER_NAME) return v;
  p.expect(path, `must be a timer name of 1 to ${MAX_TIMER_NAME} characters`, v);
  return undefined;
};

/** The fields each kernel action carries, as src/sim/world.ts reads them. */
const KERNEL_FIELDS: Record<KernelActionKind, Record<string, FieldRule>> = {
  crash: {
    node,
    loseOutbox: { optional: true, read: (p, path, v) => (typeof v === 'boolean' ? v : p.expect(path, 'must be true or false', v)) },
  },
  restart: {
    node,
    loseDisk: { optional: true, read: (p, path, v) => (typeof v === 'boolean' ? v : p.expect(path, 'must be true or false', v)) },
  },
  pause: { node },
  resume: { node },
  skew: {
    node,
    rate: { read: (p, path, v) => readNumber(p, path, v, 'must be a clock rate above 0 and at most 100', (n) => n > 0 && n <= 100) },
  },
  timeout: { node, timer: { optional: true, read: timerName } },
  fire: { node, timer: { read: timerName } },
  partition: { groups: { read: readGroups } },
  cut: { from: node, to: node },
  heal: {},
  drop: { message },
  duplicate: { message },
  delay: {
    message,
    by: { read: (p, path, v) => readNumber(p, path, v, 'must be a delay in ms above 0 and at most 10000000', (n) => n > 0 && n <= 10_000_000) },
  },
  deliver: { message },
  schedule: {
    mode: { read: (p, path, v) => (v === 'auto' || v === 'manual' ? v : p.expect(path, 'must be "auto" or "manual"', v)) },
  },
};

const isKernelKind = (v: unknown): v is KernelActionKind => (KERNEL_ACTIONS as readonly unknown[]).includes(v);

export function readActions(p: Problems, v: unknown, ctx: ActionContext): Action[] {
  const path = 'actions';
  if (Array.isArray(v) && v.length > MAX_ACTIONS) {
    p.add(path, `at most ${MAX_ACTIONS} actions, got ${v.length}`);
    return [];
  }
  if (!Array.isArray(v)) {
    p.expect(path, 'must be an array of actions', v);
    return [];
  }
  const out: Action[] = [];
  let previous: number | undefined;
  v.forEach((item: unknown, i) => {
    const action = readAction(p, field(path, i), item, ctx, previous);
    if (action) {
      out.push(action);
      previous = action.at;
    }
  });
  return out;
}

function readAction(p: Problems, path: string, v: unknown, ctx: ActionContext, previous: number | undefined): Action | undefined {
  if (!isRecord(v)) {
    p.expect(path, 'must be an object { at, do, … }', v);
    return undefined;
  }
  const { until } = ctx;
  const atRule = until === undefined ? 'must be a time in ms ≥ 0' : `must be a time in ms from 0 to until (${until})`;
  const at = readNumber(p, field(path, 'at'), own(v, 'at'), atRule, (n) => n >= 0 && (until === undefined || n <= until));
  // The kernel takes actions in list order, so an earlier time after a later one would not run at its time.
  if (at !== undefined && previous !== undefined && at < previous) {
    p.add(field(path, 'at'), `must not be earlier than the action before it (${previous}), got ${at}`);
  }
  const out: Record<string, unknown> = { at: at ?? 0 };
  const kind = own(v, 'do');
  out.do = kind;
  const spec = ctx.module?.commands.find((c) => c.id === kind);
  let names: string[];
  if (isKernelKind(kind)) names = readKernelFields(p, path, v, kind, ctx, out);
  else if (spec) names = readCommandFields(p, path, v, spec, ctx, out);
  else {
    // With an unknown protocol its commands are unknown too; the protocol error says why.
    if (ctx.module || typeof kind !== 'string') unknownAction(p, field(path, 'do'), kind, ctx.module);
    return undefined;
  }
  const step = own(v, 'step');
  if (step !== undefined) out.step = readNumber(p, field(path, 'step'), step, 'must be a trace position (a whole number ≥ 0)', (n) => isInt(n) && n >= 0);
  checkKeys(p, path, v, ['at', 'do', ...names, 'step']);
  return out as unknown as Action;
}

function readKernelFields(p: Problems, path: string, v: Record<string, unknown>, kind: KernelActionKind, ctx: ActionContext, out: Record<string, unknown>): string[] {
  const rules = KERNEL_FIELDS[kind];
  for (const [name, rule] of Object.entries(rules)) {
    const raw = own(v, name);
    if (raw === undefined && rule.optional) continue;
    const value = rule.read(p, field(path, name), raw, ctx);
    if (value !== undefined) out[name] = value;
  }
  if (kind === 'cut' && out.from !== undefined && out.from === out.to) {
    p.add(field(path, 'to'), `must differ from "from", got ${show(out.to)} for both`);
  }
  return Object.keys(rules);
}

/** Fields absent from the action take the spec's default, so a run never sees undefined. */
function readCommandFields(p: Problems, path: string, v: Record<string, unknown>, spec: CommandSpec, ctx: ActionContext, out: Record<string, unknown>): string[] {
  out.node = ctx.nodes.read(p, field(path, 'node'), own(v, 'node'));
  for (const f of spec.fields) {
    const raw = own(v, f.name);
    const value = raw === undefined ? f.default : raw;
    const fine =
      f.kind === 'string'
        ? typeof value === 'string' && value.length <= MAX_TEXT_FIELD
        : f.kind === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : typeof value === 'boolean';
    const rule = f.kind === 'string' ? `must be a string of at most ${MAX_TEXT_FIELD} characters` : f.kind === 'number' ? 'must be a finite number' : 'must be true or false';
    if (fine) out[f.name] = value === 0 ? 0 : value;
    else p.expect(field(path, f.name), `${rule} (field of command "${spec.id}")`, value);
  }
  return ['node', ...spec.fields.map((f) => f.name)];
}

function unknownAction(p: Problems, path: string, kind: unknown, module: ProtocolModule | undefined): void {
  const commands = module ? `; ${module.id} commands: ${module.commands.map((c) => c.id).join(', ') || 'none'}` : '';
  const known = `kernel actions: ${KERNEL_ACTIONS.join(', ')}${commands}`;
  if (typeof kind === 'string') p.add(path, `unknown action ${show(kind)} (${known})`);
  else p.expect(path, `must name an action (${known})`, kind);
}

function readGroups(p: Problems, path: string, v: unknown, ctx: ActionContext): string[][] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    p.expect(path, 'must be a non-empty array of node groups, like [["n1"], ["n2", "n3"]]', v);
    return undefined;
  }
  const owner = new Map<string, number>();
  return v.map((group: unknown, g) => {
    const gpath = field(path, g);
    if (!Array.isArray(group) || group.length === 0) {
      p.expect(gpath, 'must be a non-empty array of node ids', group);
      return [];
    }
    return group.flatMap((item: unknown, i) => {
      const id = ctx.nodes.read(p, field(gpath, i), item);
      if (id === undefined) return [];
      const before = owner.get(id);
      if (before === undefined) {
        owner.set(id, g);
        return [id];
      }
      p.add(field(gpath, i), before === g ? `node "${id}" appears twice in this group` : `node "${id}" is already in group ${before}`);
      return [];
    });
  });
}
