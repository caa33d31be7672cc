import { useSession, useSessionStore, useT } from './session';
import { MAX_SPEED, MIN_SPEED } from '../store/session';
import { formatDuration } from '../i18n/duration';

const toSlider = (speed: number) => Math.log10(speed);
const fromSlider = (v: number) => Number((10 ** v).toPrecision(2));


export function PlaybackBar() {
  const t = useT();
  const playing = useSession((s) => s.playing);
  const speed = useSession((s) => s.speed);
  const time = useSession((s) => s.frame.time);
  const step = useSession((s) => s.frame.step);
  const head = useSession((s) => s.frame.head);
  const finished = useSession((s) => s.frame.finished);
  const mode = useSession((s) => s.frame.mode);
  const until = useSession((s) => s.sim.scenario.until);
  const lang = useSession((s) => s.lang);
  // Grouped digits: "277,935 ms · step 50,005", as the statistics panel shows counts.
  const n = (x: number) => Math.floor(x).toLocaleString(lang);
  const { togglePlay, stepForward, stepBack, setSpeed, setSchedule } = useSessionStore().getState();
  return (
    <div className="playback" role="toolbar" aria-label={t('play.speed')}>
      <button type="button" onClick={stepBack} disabled={step === 0} title={t('play.backTip')} aria-keyshortcuts="ArrowLeft">
        ← {t('play.back')}
      </button>
      <button type="button" className="primary" onClick={togglePlay} disabled={mode === 'manual'} title={t('play.playTip')} aria-keyshortcuts="Space" data-testid="play">
        {playing ? `❚❚ ${t('play.pause')}` : finished ? `↻ ${t('newcomer.replay')}` : `▶ ${t('play.play')}`}
      </button>
      <button type="button" onClick={stepForward} title={t(mode === 'manual' ? 'newcomer.manualStep' : 'play.stepTip')} aria-keyshortcuts="ArrowRight" data-testid="step">
        {t('play.step')} →
      </button>
      <label className="speed" title={t('play.speedTip')}>
        <span>{t('play.speed')}</span>
        <input
          type="range"
          min={toSlider(MIN_SPEED)}
          max={toSlider(MAX_SPEED)}
          step={0.05}
          value={toSlider(speed)}
          onChange={(e) => setSpeed(fromSlider(Number(e.target.value)))}
          aria-valuetext={`${speed}×`}
          aria-keyshortcuts="[ ]"
        />
        <output>{speed}×</output>
      </label>
      {!playing && time === 0 && mode === 'auto' && (
        <span className="space-hint" data-testid="space-hint">
          <kbd>{t('newcomer.spaceKey')}</kbd> {t('newcomer.spaceHint')}
        </span>
      )}
      <span className="clock" data-testid="clock" aria-live="off">
        {t('play.time', { time: n(time), step: n(step), head: n(head) })}
        {finished && <em data-testid="end-reason"> · {t('newcomer.endReason', { limit: formatDuration(lang, until) })}</em>}
      </span>
      <fieldset className="schedule" title={t('play.scheduleTip')}>
        <legend>{t('play.schedule')}</legend>
        {(['auto', 'manual'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="schedule" checked={mode === m} onChange={() => setSchedule(m)} aria-keyshortcuts="M" />
            {t(m === 'auto' ? 'play.auto' : 'play.manual')}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
