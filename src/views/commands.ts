/** The protocol commands a node accepts, and the action a command records with its fields. */
import type { CommandSpec, ProtocolModule } from '../protocols/types';
import type { ActionWithoutTime } from '../store/session';

export function commandsFor(module: ProtocolModule, role: string): CommandSpec[] {
  return module.commands.filter((c) => !c.roles || c.roles.includes(role));
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
