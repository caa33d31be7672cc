/**
 * The "chosen" banner: what is chosen and since which step — a fact about the votes cast (a
 * majority of acceptors voted for one value in one ballot), computed from the trace as the
 * checker does, not from any node. It shows while no learner knows it, and says who does.
 */
import { useMemo } from 'react';
import { useSession, useSessionStore, useT } from '../session';
import { chosenBy } from './model';
import { usePaxosCast } from './usePaxosCast';
import './acceptors.css';

export function ChosenBanner() {
  const t = useT();
  const store = useSessionStore();
  const cast = usePaxosCast();
  const events = useSession((s) => s.sim.events);
  const step = useSession((s) => s.frame.step);
  const nodes = useSession((s) => s.frame.nodes);
  const chosen = useMemo(() => (cast ? chosenBy(events, step, cast.acceptors) : []), [cast, events, step]);
  if (!cast) return null;
  const first = chosen[0];
  if (!first) {
    return (
      <section className="chosen chosen-none" aria-label={t('chosen.label')} data-testid="chosen-banner" data-chosen="">
        <strong>{t('chosen.none')}</strong> <span className="chosen-detail">{t('chosen.noneDetail')}</span>
      </section>
    );
  }
  const knowers = nodes.filter((n) => n.state.learned === first.value || n.state.chosen === first.value).map((n) => n.id);
  const two = chosen.length > 1;
  return (
    <section className={two ? 'chosen chosen-two' : 'chosen'} aria-label={t('chosen.label')} data-testid="chosen-banner" data-chosen={chosen.map((c) => c.value).join(' ')} aria-live="polite">
      <strong>{two ? t('chosen.two', { values: chosen.map((c) => c.value).join(', ') }) : t('chosen.value', { value: first.value })}</strong>
      {chosen.map((c) => (
        <button key={c.value} type="button" className="chosen-since" onClick={() => store.getState().seekStep(c.seq + 1)} data-testid="chosen-since">
          {two && <b>{c.value}: </b>}
          {t('chosen.since', { step: c.seq + 1, time: c.time, ballot: c.ballot, voters: c.voters.join(', ') })}
        </button>
      ))}
      <span className={knowers.length ? 'chosen-known' : 'chosen-unknown'} data-testid="chosen-known">
        {knowers.length ? t('chosen.knownBy', { nodes: knowers.join(', ') }) : t('chosen.unknown')}
      </span>
    </section>
  );
}
