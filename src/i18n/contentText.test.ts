import { describe, expect, it, vi } from 'vitest';
import { raft } from '../protocols/raft';

describe('protocol content on demand', () => {
  it('shows the protocol’s own English until the translations load, then the Chinese, and says so', async () => {
    vi.resetModules();
    const c = await import('./contentText');
    const s = raft.scenarios.find((x) => x.name === 'figure-8')!;
    expect(c.scenarioText('zh-CN', 'raft', s).title).toBe(s.title);
    expect(c.protocolName('zh-CN', { id: 'twopc', name: 'Two-phase commit' })).toBe('Two-phase commit');
    const heard = vi.fn();
    c.subscribeContent(heard);
    const v = c.contentVersion();
    await c.loadContent();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(c.contentVersion()).toBe(v + 1);
    expect(c.scenarioText('zh-CN', 'raft', s).title).toMatch(/^图 8/);
    expect(c.protocolName('zh-CN', { id: 'twopc', name: 'Two-phase commit' })).toBe('两阶段提交');
    // English is the protocol's own text, loaded or not.
    expect(c.scenarioText('en', 'raft', s).title).toBe(s.title);
    const inv = raft.invariants[0]!;
    expect(c.invariantText('en', 'raft', inv).name).toBe(inv.name);
    await c.loadContent();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
