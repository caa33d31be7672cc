/** The selected node's protocol commands (client request, begin, vote No, put, join …), each a
 * small form with its fields. The first one also runs from the keyboard (Q) with defaults. */
import { useState } from 'react';
import type { CommandSpec } from '../protocols/types';
import { commandText } from '../i18n/contentText';
import type { NodeFrame } from '../store/frame';
import { useSession, useSessionStore, useT } from './session';
import { commandAction, commandsFor, type FieldValues } from './commands';

function CommandForm({ spec, node, first }: { spec: CommandSpec; node: NodeFrame; first: boolean }) {
  const store = useSessionStore();
  const lang = useSession((s) => s.lang);
  const protocol = useSession((s) => s.module.id);
  const step = useSession((s) => s.frame.step);
  const [values, setValues] = useState<FieldValues>({});
  const t = useT();
  const text = commandText(lang, protocol, spec);
  const set = (name: string, v: string | number | boolean) => setValues((old) => ({ ...old, [name]: v }));
  return (
    <form
      className="request"
      onSubmit={(e) => {
        e.preventDefault();
        store.getState().act(commandAction(spec, node.id, step, values));
        setValues({});
      }}
    >
      {spec.fields.map((f) =>
        f.kind === 'boolean' ? (
          <label key={f.name} className="check" title={f.description}>
            <input type="checkbox" checked={Boolean(values[f.name] ?? f.default)} onChange={(e) => set(f.name, e.target.checked)} data-testid={`command-${spec.id}-${f.name}`} />
            {f.name}
          </label>
        ) : (
          <input
            key={f.name}
            type={f.kind === 'number' ? 'number' : 'text'}
            aria-label={`${text.label}: ${f.name}`}
            title={f.description}
            placeholder={spec.id === 'request' ? `x=${step}` : String(f.default) || f.name}
            value={String(values[f.name] ?? '')}
            onChange={(e) => set(f.name, f.kind === 'number' ? Number(e.target.value) : e.target.value)}
            maxLength={200}
            size={f.kind === 'number' ? 5 : 8}
            data-testid={`command-${spec.id}-${f.name}`}
          />
        ),
      )}
      <button
        type="submit"
        disabled={!node.up}
        title={!node.up ? t('faults.commandDown', { node: node.id }) : first ? `${text.description} (Q)` : text.description}
        aria-keyshortcuts={first ? 'Q' : undefined}
        data-testid={spec.id === 'request' ? 'fault-request' : `command-${spec.id}`}
      >
        {text.label}
      </button>
    </form>
  );
}

export function CommandForms({ node }: { node: NodeFrame }) {
  const module = useSession((s) => s.module);
  return (
    <>
      {commandsFor(module, node.role, node.state).map((spec, i) => (
        <CommandForm key={`${node.id}:${spec.id}`} spec={spec} node={node} first={i === 0} />
      ))}
    </>
  );
}
