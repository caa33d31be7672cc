import { describe, expect, it } from 'vitest';
import { TABLES, translate } from '.';

describe('i18n', () => {
  it('every key has both languages, with the same placeholders', () => {
    const en = TABLES.en;
    const zh = TABLES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(holes(zh[key]), key).toEqual(holes(en[key]));
      expect(zh[key].length, key).toBeGreaterThan(0);
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'play.time', { time: 12, step: 3, head: 9 })).toBe('12 ms · step 3 of 9');
    expect(translate('zh-CN', 'faults.node', { node: 'n2' })).toBe('节点 n2');
  });
});
