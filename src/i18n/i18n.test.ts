import { describe, expect, it } from 'vitest';
import { allTables, loadStrings, translate } from '.';
import { TRANSLATED_BUGS, TRANSLATED_COMMANDS, TRANSLATED_INVARIANTS, TRANSLATED_SHARED_INVARIANTS, TRANSLATED_PROTOCOLS, TRANSLATED_SCENARIOS, TRANSLATED_SOURCES, bugText, commandText, invariantText, scenarioText, sourceText } from './content';
import { protocols } from '../protocols/registry';
import { invariantsOf } from '../check/invariants';

describe('i18n', () => {
  it('every key has both languages, with the same placeholders', async () => {
    // The tables loaded on demand too (later.ts).
    await loadStrings();
    const en = allTables().en;
    const zh = allTables()['zh-CN'];
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
    // A second call reads the split it kept; a missing value keeps its placeholder.
    expect(translate('en', 'play.time', { time: 1, step: 2, head: 3 })).toBe('1 ms · step 2 of 3');
    expect(translate('en', 'play.time', { time: 1 })).toBe('1 ms · step {step} of {head}');
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

describe('invariant and bug translations', () => {
  it('cover every invariant and bug switch of every protocol', () => {
    const invs = [...protocols.values()].flatMap((p) => p.invariants.map((i) => `${p.id}:${i.id}`));
    // Invariants the checker adds to a protocol (linearizability) are translated once, by id.
    const shared = new Set([...protocols.values()].flatMap((p) => invariantsOf(p).filter((i) => !p.invariants.includes(i)).map((i) => i.id)));
    expect([...TRANSLATED_SHARED_INVARIANTS].sort()).toEqual([...shared].sort());
    expect(invariantText('zh-CN', 'raft', { id: 'linearizable', name: 'n', description: 'd' }).name).toBe('客户端历史可线性化');
    const bugs = [...protocols.values()].flatMap((p) => p.bugs.map((b) => `${p.id}:${b.id}`));
    expect([...TRANSLATED_INVARIANTS].sort()).toEqual(invs.sort());
    expect([...TRANSLATED_BUGS].sort()).toEqual(bugs.sort());
    const commands = [...protocols.values()].flatMap((p) => p.commands.map((c) => `${p.id}:${c.id}`));
    expect([...TRANSLATED_COMMANDS].sort()).toEqual(commands.sort());
    expect([...TRANSLATED_PROTOCOLS].sort()).toEqual([...protocols.keys()].sort());
    expect(commandText('zh-CN', 'twopc', { id: 'begin', label: 'Begin transaction', description: 'd' }).label).toBe('开始事务');
    expect(commandText('en', 'twopc', { id: 'begin', label: 'Begin transaction', description: 'd' })).toEqual({ label: 'Begin transaction', description: 'd' });
  });
  it('give every invariant’s source in Chinese, keeping its citations, and in English as written', () => {
    const withSource = [...protocols.values()].flatMap((p) => invariantsOf(p).filter((i) => i.source).map((i) => ({ p: p.id, i })));
    expect(withSource.length).toBeGreaterThan(40);
    for (const { p, i } of withSource) {
      const zh = sourceText('zh-CN', p, i);
      // Translated prose, or a bare citation (a TLA+ operator) that needs none.
      const prose = (i.source.match(/\b[a-z]{3,}\b/g) ?? []).filter((w) => w !== 'tla');
      if (prose.length > 0) expect(zh, `${p}:${i.id}`).toMatch(/[\u4e00-\u9fff]/);
      expect(sourceText('en', p, i)).toBe(i.source);
    }
    const known = new Set(withSource.map(({ p, i }) => (i.id === 'linearizable' ? i.id : `${p}:${i.id}`)));
    expect([...TRANSLATED_SOURCES].sort()).toEqual([...known].sort());
  });

  it('keep the protocol’s English text in English', () => {
    const inv = { id: 'election-safety', name: 'Election Safety', description: 'd' };
    expect(invariantText('en', 'raft', inv)).toEqual({ name: 'Election Safety', description: 'd' });
    expect(invariantText('zh-CN', 'raft', inv).name).toBe('选举安全性');
    expect(bugText('zh-CN', 'raft', { id: 'nope', description: 'x' })).toBe('x');
  });
});

