/** The partition editor: assign each node to a side; and a one-way cut of one link. */
import { useState } from 'react';
import { useSession, useSessionStore, useT } from '../session';
import { Dialog } from './Dialog';

const SIDES = 3;

export function PartitionDialog() {
  const t = useT();
  const nodes = useSession((s) => s.sim.scenario.nodes);
  const current = useSession((s) => s.frame.partition);
  const store = useSessionStore();
  const [side, setSide] = useState<Record<string, number>>(() =>
    Object.fromEntries(nodes.map((n, i) => [n, current ? Math.max(0, current.findIndex((g) => g.includes(n))) : i < Math.ceil(nodes.length / 2) ? 0 : 1])),
  );
  const [from, setFrom] = useState(nodes[0]!);
  const [to, setTo] = useState(nodes[1]!);
  const groups = Array.from({ length: SIDES }, (_, g) => nodes.filter((n) => side[n] === g)).filter((g) => g.length > 0);
  const done = () => store.getState().openDialog(null);
  return (
    <Dialog title={t('partition.title')} testid="partition">
      <p className="hint">{t('partition.help')}</p>
      <table className="partition-grid">
        <thead>
          <tr>
            <th />
            {Array.from({ length: SIDES }, (_, g) => (
              <th key={g} scope="col">
                {t('partition.side', { side: String.fromCharCode(65 + g) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n}>
              <th scope="row">{n}</th>
              {Array.from({ length: SIDES }, (_, g) => (
                <td key={g}>
                  <input
                    type="radio"
                    name={`side-${n}`}
                    checked={side[n] === g}
                    onChange={() => setSide({ ...side, [n]: g })}
                    aria-label={`${n}: ${t('partition.side', { side: String.fromCharCode(65 + g) })}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {groups.length < 2 && <p role="status">{t('partition.needTwo')}</p>}
      <button
        type="button"
        className="primary"
        disabled={groups.length < 2}
        data-testid="apply-partition"
        onClick={() => {
          store.getState().act({ do: 'partition', groups });
          done();
        }}
      >
        {t('partition.apply')}
      </button>
      <h3>{t('partition.cutTitle')}</h3>
      <div className="cut-row">
        <label>
          {t('partition.cutFrom')}{' '}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {nodes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t('partition.cutTo')}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {nodes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={from === to}
          data-testid="apply-cut"
          onClick={() => {
            store.getState().act({ do: 'cut', from, to });
            done();
          }}
        >
          {t('partition.cutApply')}
        </button>
      </div>
    </Dialog>
  );
}
