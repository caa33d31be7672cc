/** The storage's write log: when each write arrived, who sent it with which token, and whether
 * storage accepted it, rejected it as stale, or accepted a stale one (the corruption). */
import type { StringKey } from '../../i18n';
import type { useT } from '../session';
import type { WriteRow } from './model';

const SHOWN = 10;

export function WriteLog({ writes, t, onSeek }: { writes: WriteRow[]; t: ReturnType<typeof useT>; onSeek(seq: number): void }) {
  const shown = writes.slice(-SHOWN);
  return (
    <div className="lk-writes" data-testid="write-log">
      <h3 className="lk-subtitle">{t('lock.writes.title')}</h3>
      {writes.length === 0 && <p className="lk-empty">{t('lock.writes.empty')}</p>}
      {writes.length > shown.length && <p className="lk-empty">{t('lock.writes.more', { shown: shown.length, count: writes.length })}</p>}
      {shown.length > 0 && (
        <table className="lk-table">
          <thead>
            <tr>
              {(['time', 'writer', 'token', 'value', 'outcome'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`lock.col.${c}` as StringKey)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((w) => {
              const outcome = w.stale ? 'stale' : w.accepted ? 'accepted' : 'rejected';
              return (
                <tr key={w.seq} className={`lk-w-${outcome}`} data-outcome={outcome} data-writer={w.writer} onClick={() => onSeek(w.seq)}>
                  <td>{t('lock.ms', { ms: w.time })}</td>
                  <th scope="row">{w.writer}</th>
                  <td>{w.token === null ? t('lock.noToken') : `#${w.token}`}</td>
                  <td className="lk-value">{w.value}</td>
                  <td className="lk-outcome">
                    {outcome === 'rejected' ? '✗ ' : outcome === 'stale' ? '⚠ ' : '✓ '}
                    {t(`lock.write.${outcome}` as StringKey)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
