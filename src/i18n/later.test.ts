/** String tables loaded on demand: a key names its table, and a view asking early gets it soon. */
import { describe, expect, it } from 'vitest';
import { LATER_FEATURES, LATER_TEXTS, PROTOCOL_STRINGS, featureOf, loadStrings } from './later';
import { allTables, isStringKey, translate } from '.';
import { PROTOCOL_IDS } from '../protocols/loader';
import { subscribeContent } from './contentText';

describe('string tables loaded on demand', () => {
  it('every key of a table starts with one of its prefixes, and is not in the first load', async () => {
    // First in this file: nothing is loaded yet, so these are the first load's keys.
    const before = new Set(Object.keys(allTables().en));
    for (const f of LATER_FEATURES) {
      const table = (await import(`./strings/${f}.ts`)) as { en: Record<string, string> };
      expect(Object.keys(table.en).length, f).toBeGreaterThan(0);
      for (const k of Object.keys(table.en)) expect(featureOf(k), k).toBe(f);
      // A key is in one table only: the first load's, or one loaded later.
      for (const k of Object.keys(table.en)) expect(before.has(k), k).toBe(false);
    }
  });

  it('asked for a key early: nothing now, a notice when it arrives, the text after', async () => {
    // Before any load in this file: the ring table is not there yet.
    expect(LATER_TEXTS.en['ring.title']).toBeUndefined();
    let arrived = 0;
    const off = subscribeContent(() => arrived++);
    expect(translate('en', 'ring.title')).toBe('');
    expect(isStringKey('ring.title')).toBe(false);
    await loadStrings(['ring']);
    off();
    expect(arrived).toBeGreaterThanOrEqual(1);
    expect(translate('en', 'ring.title')).toBe('Ring and load');
    expect(translate('zh-CN', 'ring.title').length).toBeGreaterThan(0);
    expect(isStringKey('ring.title')).toBe(true);
  });

  it('names only known protocols and tables', () => {
    for (const [id, features] of Object.entries(PROTOCOL_STRINGS)) {
      expect(PROTOCOL_IDS, id).toContain(id);
      for (const f of features) expect(LATER_FEATURES).toContain(f);
    }
  });
});
