import { describe, expect, it } from 'vitest';
import { raft } from '../protocols/raft';
import { twopc } from '../protocols/twopc';
import { chash } from '../protocols/chash';
import { commandAction, commandsFor } from './commands';

describe('commands', () => {
  it('are offered by role', () => {
    expect(commandsFor(twopc, 'coordinator').map((c) => c.id)).toEqual(['begin']);
    expect(commandsFor(twopc, 'participant').map((c) => c.id)).toEqual(['vote-no']);
    expect(commandsFor(chash, 'client').map((c) => c.id)).toEqual(['put', 'get']);
    expect(commandsFor(chash, 'server').map((c) => c.id)).toEqual(['join', 'leave']);
    expect(commandsFor(raft, 'server').map((c) => c.id)).toEqual(['request', 'read']);
    // By state: Join only outside the ring, Leave only in it.
    expect(commandsFor(chash, 'server', { self: 'out' }).map((c) => c.id)).toEqual(['join']);
    expect(commandsFor(chash, 'server', { self: 'up' }).map((c) => c.id)).toEqual(['leave']);
    expect(commandsFor(chash, 'server', { self: 'joining' }).map((c) => c.id)).toEqual([]);
  });

  it('fill empty fields with defaults; a Raft request is unique to its step', () => {
    const put = chash.commands.find((c) => c.id === 'put')!;
    expect(commandAction(put, 'c1', 3, { key: ' apple ' })).toEqual({ do: 'put', node: 'c1', key: 'apple', value: 'v1' });
    expect(commandAction(raft.commands[0]!, 'n2', 17)).toEqual({ do: 'request', node: 'n2', command: 'x=17' });
    expect(commandAction(raft.commands[0]!, 'n2', 17, { command: 'y=2' })).toEqual({ do: 'request', node: 'n2', command: 'y=2' });
    expect(commandAction(twopc.commands[0]!, 'n1', 0)).toEqual({ do: 'begin', node: 'n1', tx: '' });
  });
});
