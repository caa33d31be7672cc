/** The run's title as the top bar and the embed code name it: a tour's title while its run is
 * on ("After the tour: …" once the tour is left), "Free play" for the app's own run, the
 * explorer's counterexample by what it is, else the
 * scenario's (translated) title. */
import type { SessionState } from '../store/session';
import { translate } from '../i18n';
import { scenarioText } from '../i18n/contentText';

export function runTitle(s: SessionState): string {
  const { runTitle: own, sim, lang } = s;
  if (own && own.scenario === sim.scenario.name) {
    const title = typeof own.text === 'string' ? own.text : (own.text[lang] ?? own.text.en);
    // Left: still the tour's run, but no tour is playing it (the tours table is loaded by then).
    return own.left ? translate(lang, 'tours.afterTitle', { title }) || title : title;
  }
  if (sim.scenario.name === 'free-play') return translate(lang, 'newcomer.freePlay');
  // The shrinker names its runs (check/explorer/shrink.ts); the reader gets words, not the id.
  if (sim.scenario.name === 'explorer-counterexample' && !sim.scenario.title) return translate(lang, 'newcomer.explorerRun');
  return scenarioText(lang, sim.scenario.protocol, sim.scenario).title;
}

/** "Protocol · title", or the title alone when it already starts with the protocol's name
 * (a tour's "Raft: who becomes leader…" is not "Raft · Raft: …"). */
export function titledWithProtocol(protocol: string, title: string): string {
  return title.toLowerCase().startsWith(protocol.toLowerCase()) ? title : `${protocol} · ${title}`;
}
