/** "Embed…": the iframe code for this run at this step, with the locks the author chooses
 * (docs/embed.md). The code is shown as text and copied as text. */
import { useState } from 'react';
import { useSession, useT } from '../session';
import { Dialog } from './Dialog';
import { embedSnippet, embedUrl, parseOrigin, type StepRange } from '../../store/embedLink';
import { runTitle } from '../runTitle';
import './embed-dialog.css';

/** This page, wherever it is served from (a course site's folder): the embed loads the same app. */
function pageBase(): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

export function EmbedDialog() {
  const t = useT();
  const scenario = useSession((s) => s.sim.scenario);
  const step = useSession((s) => s.frame.step);
  const time = useSession((s) => s.frame.time);
  const head = useSession((s) => s.frame.head);
  const title = useSession(runTitle);
  const lang = useSession((s) => s.lang);
  // Recorded so far: the whole run by default, not the one step under the cursor.
  const recorded = useSession((s) => s.sim.eventCount);
  const [lockEdit, setLockEdit] = useState(true);
  const [useRange, setUseRange] = useState(false);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(Math.max(step, head, recorded));
  const [host, setHost] = useState('');
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);

  const origin = host.trim() === '' ? null : parseOrigin(host.trim());
  const hostBad = host.trim() !== '' && origin === null;
  const rangeBad = useRange && from > to;
  const range: StepRange | null = useRange && !rangeBad ? { from, to } : null;
  const code = embedSnippet(embedUrl(pageBase(), scenario, step, time, { lockEdit, range, host: origin, lang }), t('embed.frameTitle', { title }));
  const valid = !hostBad && !rangeBad;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  const num = (v: string) => Math.max(0, Math.min(200_000, Math.floor(Number(v) || 0)));

  return (
    <Dialog title={t('embed.title')} testid="embed-dialog">
      <p className="hint">{t('embed.intro')}</p>
      <form className="embed-form" onSubmit={(e) => (e.preventDefault(), void copy())}>
        <label className="check">
          <input type="checkbox" checked={lockEdit} onChange={(e) => (setLockEdit(e.target.checked), setStatus(null))} data-testid="embed-lock" />
          {t('embed.lockEdit')}
        </label>
        <fieldset className="embed-range">
          <legend>
            <label className="check">
              <input type="checkbox" checked={useRange} onChange={(e) => (setUseRange(e.target.checked), setStatus(null))} data-testid="embed-use-range" />
              {t('embed.useRange')}
            </label>
          </legend>
          <label>
            {t('embed.from')}
            <input type="number" min={0} value={from} disabled={!useRange} onChange={(e) => (setFrom(num(e.target.value)), setStatus(null))} data-testid="embed-from" />
          </label>
          <label>
            {t('embed.to')}
            <input type="number" min={0} value={to} disabled={!useRange} onChange={(e) => (setTo(num(e.target.value)), setStatus(null))} data-testid="embed-to" />
          </label>
          {rangeBad && <p className="error">{t('embed.rangeBad')}</p>}
        </fieldset>
        <label className="embed-host">
          {t('embed.host')}
          <input type="url" value={host} placeholder={t('embed.hostExample')} onChange={(e) => (setHost(e.target.value), setStatus(null))} aria-invalid={hostBad} data-testid="embed-host" />
          <span className={hostBad ? 'error' : 'hint'}>{t(hostBad ? 'embed.hostBad' : 'embed.hostHint')}</span>
        </label>
        <label className="embed-code">
          {t('embed.code')}
          <textarea readOnly rows={4} value={code} onFocus={(e) => e.currentTarget.select()} data-testid="embed-code" />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!valid} data-testid="embed-copy">
            {t('embed.copy')}
          </button>
          <span role="status" className={status === 'failed' ? 'error' : 'hint'}>
            {status && t(status === 'copied' ? 'embed.copied' : 'embed.copyFailed')}
          </span>
        </div>
      </form>
    </Dialog>
  );
}
