import { describe, expect, it } from 'vitest';
import { TABLES, translate } from '.';
import { TRANSLATED_SCENARIOS, scenarioText } from './scenarios';
import { protocols } from '../protocols/registry';

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

describe('curated scenario translations', () => {
  it('exist for every curated scenario, and nothing else', () => {
    const all = [...protocols.values()].flatMap((p) => p.scenarios.map((s) => `${p.id}:${s.name}`));
    expect([...TRANSLATED_SCENARIOS].sort()).toEqual([...all].sort());
  });
  it('fall back to the scenario’s own English text', () => {
    const s = { name: 'happy-path', title: 'Election and three writes', description: 'd' };
    expect(scenarioText('en', 'raft', s)).toEqual({ title: 'Election and three writes', description: 'd' });
    expect(scenarioText('zh-CN', 'raft', s).title).toBe('选举与三次写入');
    expect(scenarioText('zh-CN', 'raft', { name: 'mine', title: 'Mine' }).title).toBe('Mine');
  });
});

