/** A curated scenario's "what to watch for", kept in view while it plays; it folds away. */
import { useRef } from 'react';
import { useSession, useT } from './session';
import { useStageShare } from './stageShare';
import { scenarioText } from '../i18n/contentText';
import { withInvariantNames } from './noteText';

export function ScenarioNote() {
  const t = useT();
  const description = useSession((s) => (s.sim.scenario.name === 'free-play' ? '' : withInvariantNames(scenarioText(s.lang, s.sim.scenario.protocol, s.sim.scenario).description, s.lang, s.module)));
  const name = useSession((s) => s.sim.scenario.name);
  const note = useRef<HTMLDetailsElement>(null);
  useStageShare(note, '--note-h', description && name);
  if (!description) return null;
  return (
    // Keyed by scenario: a newly opened one shows its note open again.
    <details ref={note} key={name} className="scenario-note" open data-testid="scenario-note">
      <summary>{t('newcomer.watchFor')}</summary>
      <p>{description}</p>
    </details>
  );
}
