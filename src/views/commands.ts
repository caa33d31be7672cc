/** The protocol commands a node accepts, and the action a command records with its fields. */
import type { CommandSpec, Observable, ProtocolModule } from '../protocols/types';
import type { ActionWithoutTime } from '../store/session';

/** The commands for a node of this role; with its state, only those the protocol says make
 * sense there (no Join for a server already in the ring). */
export function commandsFor(module: ProtocolModule, role: string, state?: Observable): CommandSpec[] {
  return module.commands.filter((c) => (!c.roles || c.roles.includes(role)) && (!state || !c.available || c.available(state)));
}

export type FieldValues = Record<string, string | number | boolean>;

/** The action for `spec` at `node`. Empty or unset fields take their defaults; Raft's client
 * request gets a command unique to the step (`x=<step>`), so repeated requests differ. */
export function commandAction(spec: CommandSpec, node: string, step: number, values: FieldValues = {}): ActionWithoutTime {
  const fields: FieldValues = {};
  for (const f of spec.fields) {
    const v = values[f.name];
    if (f.kind === 'number') fields[f.name] = typeof v === 'number' && Number.isFinite(v) ? v : (f.default as number);
    else if (f.kind === 'boolean') fields[f.name] = typeof v === 'boolean' ? v : (f.default as boolean);
    else fields[f.name] = typeof v === 'string' && v.trim() !== '' ? v.trim() : spec.id === 'request' ? `x=${step}` : (f.default as string);
  }
  return { do: spec.id, node, ...fields } as ActionWithoutTime;
}
