import { describe, expect, it } from 'vitest';
import { allTables, loadStrings } from '../../i18n';
import { SCHEME_IDS } from '../../protocols/chash/schemes';

/** Keys the ring views build from data must exist (a missing one throws while rendering). */
describe('ring strings built from data', () => {
  it('exist for every scheme and phase', async () => {
    await loadStrings(['ring']);
    const keys = [
      ...SCHEME_IDS.flatMap((id) => [`ring.scheme.${id}`, `ring.scheme.${id}Tip`, `ring.scale.phase.${id}`]),
      'ring.scale.phase.keys',
      ...['servers', 'vnodes', 'keys'].map((f) => `ring.scale.bad.${f}`),
    ];
    for (const k of keys) expect(Object.hasOwn(allTables().en, k), k).toBe(true);
  });
});
