import { useT } from '../session';
import { Dialog } from './Dialog';
import { SHORTCUTS } from '../../app/shortcutList';

export function HelpDialog() {
  const t = useT();
  return (
    <Dialog title={t('help.title')} testid="help">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
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
    </Dialog>
  );
}
