/** The session slice: the chosen scenario and its run. Views read it; only actions change it. */
import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../scenario/types';
import type { Trace } from '../sim/types';
import { runScenario } from '../sim/simulation';
import { getProtocol } from '../protocols/registry';
import type { Lang } from '../i18n';

export interface SessionState {
  lang: Lang;
  scenario: Scenario | null;
  trace: Trace | null;
  error: string | null;
  setLang(lang: Lang): void;
  run(scenario: Scenario): void;
}

export const sessionStore = createStore<SessionState>()((set) => ({
  lang: 'en',
  scenario: null,
  trace: null,
  error: null,
  setLang: (lang) => set({ lang }),
  run(scenario) {
    const module = getProtocol(scenario.protocol);
    if (!module) {
      set({ error: `unknown protocol "${scenario.protocol}"` });
      return;
    }
    set({ scenario, trace: runScenario(module, scenario).trace(), error: null });
  },
}));
