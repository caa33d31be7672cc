import { beforeAll, describe, expect, it } from 'vitest';
import { loadStrings, translate } from '../../i18n';
import type { NodeFacts } from './labels';
import { nodeLabel, payloadSummary } from './labels';
import { messageMenu, nodeMenu } from './menus';
import { raft } from '../../protocols/raft';
import { twopc } from '../../protocols/twopc';

// Labels read string tables that the app loads on demand (i18n/later.ts).
beforeAll(() => loadStrings());

const request = [{ spec: raft.commands[0]!, label: 'Client request' }];

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const facts = (over: Partial<NodeFacts> = {}): NodeFacts => ({
  id: 'n2',
  role: 'leader',
  term: 3,
  vote: 'n2',
  up: true,
  paused: false,
  rate: 1,
  commit: 0,
  logLength: 0,
  tx: null,
  ...over,
});

describe('node menu', () => {
  it('offers crash, pause, timeout, the other clock rates and a unique client request for a live node', () => {
    const items = nodeMenu(en, facts(), 41, request);
    expect(items.map((i) => i.action)).toEqual([
      { do: 'crash', node: 'n2' },
      { do: 'pause', node: 'n2' },
      { do: 'timeout', node: 'n2' },
      { do: 'skew', node: 'n2', rate: 2 },
      { do: 'skew', node: 'n2', rate: 0.5 },
      { do: 'request', node: 'n2', command: 'x=41' },
    ]);
    expect(items.map((i) => i.label)).toContain('Client request x=41');
  });

  it('offers resume to a paused node and ×1 to a skewed one; no request without the command', () => {
    const items = nodeMenu(en, facts({ paused: true, rate: 2 }), 7, []).map((i) => i.action);
    expect(items).toContainEqual({ do: 'resume', node: 'n2' });
    expect(items).not.toContainEqual({ do: 'pause', node: 'n2' });
    expect(items).toContainEqual({ do: 'skew', node: 'n2', rate: 1 });
    expect(items).not.toContainEqual({ do: 'skew', node: 'n2', rate: 2 });
    expect(items.some((a) => a.do === 'request')).toBe(false);
  });

  it('offers only the two restarts to a crashed node', () => {
    expect(nodeMenu(en, facts({ up: false }), 0, request).map((i) => i.action)).toEqual([
      { do: 'restart', node: 'n2' },
      { do: 'restart', node: 'n2', loseDisk: true },
    ]);
  });

  it('offers a 2PC node its own commands with their default fields, and none when down', () => {
    const commands = twopc.commands.filter((c) => c.roles?.includes('coordinator')).map((spec) => ({ spec, label: spec.label }));
    const items = nodeMenu(en, facts({ id: 'n1', role: 'coordinator' }), 5, commands);
    expect(items.at(-1)).toEqual({ key: 'command-begin', label: 'Begin transaction', action: { do: 'begin', node: 'n1', tx: '' }, group: true });
    expect(nodeMenu(en, facts({ id: 'n1', up: false }), 5, commands).some((i) => i.key === 'command-begin')).toBe(false);
  });

  it('a message can be dropped, duplicated or delayed', () => {
    expect(messageMenu(en, 12).map((i) => i.action)).toEqual([
      { do: 'drop', message: 12 },
      { do: 'duplicate', message: 12 },
      { do: 'delay', message: 12, by: 100 },
    ]);
  });
});

describe('labels', () => {
  it('names a node by role, term and vote, in both languages', () => {
    expect(nodeLabel(en, facts())).toBe('n2: leader, term 3, voted for n2');
    expect(nodeLabel(zh, facts())).toBe('n2：领导者，任期 3，投票给 n2');
    expect(nodeLabel(en, facts({ up: false, vote: null, role: 'follower' }))).toBe('n2: down, was follower, term 3, no vote');
    expect(nodeLabel(en, facts({ paused: true, rate: 0.5, vote: undefined, term: null, role: 'acceptor' }))).toBe('n2: acceptor, paused, clock ×0.5');
  });

  it('names a 2PC participant by its translated role, its latest transaction and its locks', () => {
    const p = facts({ role: 'participant', term: null, vote: undefined, tx: { id: 't1', state: 'prepared', locked: true } });
    expect(nodeLabel(en, p)).toBe('n2: participant, transaction t1: prepared, holding its locks, outcome unknown');
    expect(nodeLabel(zh, p)).toBe('n2：参与者，事务 t1：已准备，持有锁，结果未知');
    expect(nodeLabel(en, facts({ role: 'coordinator', term: null, vote: undefined, tx: { id: 't1', state: 'init', locked: false } }))).toBe('n2: coordinator, transaction t1: init');
  });

  it('summarizes a payload: term, entries, then scalar fields', () => {
    expect(payloadSummary(en, { type: 'AppendEntries', term: 2, leaderId: 'n1', prevLogIndex: 0, entries: [] })).toBe('term 2, heartbeat, leaderId=n1, prevLogIndex=0');
    expect(payloadSummary(en, { type: 'AppendEntries', term: 2, entries: [{}, {}] })).toBe('term 2, 2 entries');
  });
});
