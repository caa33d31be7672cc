/**
 * The cluster view's key names every role letter it draws (issue 17, item 11): every role a
 * curated scenario of any protocol shows has a translated name, and within a protocol no two
 * roles shown share a letter unless they share a name.
 */
import { describe, expect, it } from 'vitest';
import { protocols } from '../../protocols/registry';
import { createSession } from '../../store/session';
import { translate } from '../../i18n';
import { roleLetter, roleName } from './labels';
import { loadStrings } from '../../i18n/later';

/** Every event of the scenario's whole run, as the app records it. */
function recorded(scenario: Parameters<typeof createSession>[0]) {
  const store = createSession(scenario);
  store.getState().seekStep(1e9);
  return store.getState().sim.events;
}

describe('role letters and their key', () => {
  it('every role drawn has a name in both languages, and a letter means one role per protocol', async () => {
    await loadStrings();
    for (const [id, p] of protocols) {
      const roles = new Set<string>();
      for (const s of p.scenarios) for (const e of recorded(s)) {
        const role = (e.state as { role?: unknown } | undefined)?.role;
        if (typeof role === 'string') roles.add(role);
      }
      expect(roles.size, id).toBeGreaterThan(0);
      const byLetter = new Map<string, string>();
      for (const role of roles) {
        // Named through a string key, not shown as the role's id.
        expect(roleName((k) => `#${k}`, role), `${id}: ${role}`).toMatch(/^#/);
        expect(roleName((k, v) => translate('zh-CN', k, v), role), `${id}: ${role}`).toMatch(/[\u4e00-\u9fff]/);
        const letter = roleLetter(role, p.view.roleGlyphs ?? {});
        const en = roleName((k, v) => translate('en', k, v), role);
        const other = byLetter.get(letter);
        // Lock's two kinds of client share C and the name "client".
        if (other !== undefined) expect(en.split(' ')[0], `${id}: ${letter} is ${other} and ${en}`).toBe(other.split(' ')[0]);
        byLetter.set(letter, en);
      }
    }
  });
});
