import { useT } from '../session';
import { Dialog } from './Dialog';
import { SHORTCUTS } from '../../app/shortcutList';
import './help.css';

/** The shortcuts in two columns side by side (walk-through: one long column stopped at "L Copy
 * link" at 1024 × 768 with nothing saying more followed); one column on a narrow screen. */
const HALF = Math.ceil(SHORTCUTS.length / 2);
const COLUMNS = [SHORTCUTS.slice(0, HALF), SHORTCUTS.slice(HALF)];

export function HelpDialog() {
  const t = useT();
  return (
    <Dialog title={t('help.title')} testid="help">
      <div className="help-columns">
        {COLUMNS.map((rows, i) => (
          <table key={i} className="shortcuts">
            <tbody>
              {rows.map((s) => (
                <tr key={s.help}>
                  <td>
                    {s.keys.map((k) => (
                      // The key's name as the playback bar's hint gives it (空格 in Chinese).
                      <kbd key={k}>{k === 'Space' ? t('newcomer.spaceKey') : k}</kbd>
                    ))}
                  </td>
                  <td>{t(s.help)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Dialog>
  );
}
