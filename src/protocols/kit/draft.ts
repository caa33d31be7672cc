/**
 * A draft of a machine's context, shared by protocols whose handlers are plain functions: a
 * handler copies the context, changes fields and collects effects, and the machine commits only
 * what changed, so an event that changes nothing leaves the snapshot's context (and the node's
 * view) as is.
 */
import { effects, type KernelAction } from '../../sim/machineActions';

export interface Draft<C> {
  readonly before: C;
  ctx: C;
  out: KernelAction[];
}

export const draft = <C extends object>(ctx: C): Draft<C> => ({ before: ctx, ctx: { ...ctx }, out: [] });

/** The fields a handler replaced, for `enqueue.assign`; null when none. */
export function changes<C extends object>(d: Draft<C>): Partial<C> | null {
  const out: Partial<C> = {};
  let any = false;
  for (const k of Object.keys(d.ctx) as (keyof C)[]) {
    if (d.ctx[k] !== d.before[k]) {
      out[k] = d.ctx[k];
      any = true;
    }
  }
  return any ? out : null;
}

/** Runs a handler on a draft of the context, then enqueues the fields it replaced and the
 * effects it collected. `enqueue` is untyped for the same reason as in `effects`: inside
 * `setup()` it cannot see the machine's own types yet. */
export function run<C extends object>(context: C, enqueue: unknown, body: (d: Draft<C>) => void): void {
  const d = draft(context);
  body(d);
  const changed = changes(d);
  if (changed) (enqueue as { assign: (c: Partial<C>) => void }).assign(changed);
  d.out.forEach(effects(enqueue));
}

/** The part of a timer's name after the first dot: the op, session or lock it is about. */
export const timerSubject = (type: string): string => type.slice(type.indexOf('.') + 1);
