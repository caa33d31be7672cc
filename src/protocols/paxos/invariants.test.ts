/**
 * The invariants can fail: each is shown red on a proposer broken in one place (through
 * XState's `provide`, so the shipped machine is untouched), beside the same run passing with
 * the real machine.
 */
import { describe, expect, it } from 'vitest';
import { enqueueActions } from 'xstate';
import { runScenario } from '../../sim/simulation';
import type { ProtocolModule } from '../types';
import { paxos } from '.';
import { proposerMachine, type ProposerContext } from './proposer';
import { effects, reply, send } from './kernel';

const happy = () => {
  const s = paxos.scenarios.find((x) => x.name === 'happy-path');
  if (!s) throw new Error('no happy-path scenario');
  return s;
};
const withProposer = (machine: typeof proposerMachine): ProtocolModule => ({ ...paxos, machine: (role) => (role === 'proposer' ? machine : paxos.machine(role)) });
const broken = (m: ProtocolModule) => runScenario(m, happy()).violations.map((v) => v.invariant);

/** A proposer whose Phase2a sends `val(c, i)` to the i-th acceptor, and with `answer` tells
 * its clients the value is chosen right away. */
const twisted2a = (val: (c: ProposerContext, i: number) => string, answer = false) =>
  withProposer(
    proposerMachine.provide({
      actions: {
        'send 2a': enqueueActions(({ context, enqueue }) => {
          const c = context as ProposerContext;
          enqueue.assign({ proposedVal: val(c, 0) });
          c.acceptors.forEach((a, i) => effects(enqueue)(send(a, { type: '2a', bal: c.curBal, val: val(c, i) })));
          if (answer) effects(enqueue)(reply({ type: 'chosen', ops: [...c.pending], value: val(c, 0) }));
        }),
      },
    }),
  );

describe('Paxos invariants can fail', () => {
  it('the unbroken proposer breaks nothing on the same run, nor one twisted to behave', () => {
    expect(broken(paxos)).toEqual([]);
    expect(broken(twisted2a((c) => c.value!))).toEqual([]);
  });

  // Regression: learn-sound read only the proposer's `chosen`, so a proposer that answered its
  // client as it sent 2a (before any vote) went unnoticed.
  it('learn-sound: a client told "chosen" before a majority voted', () => {
    expect(broken(twisted2a((c) => c.value!, true))).toContain('learn-sound');
  });

  it('validity: a proposer that invents a value', () => {
    expect(broken(twisted2a((c) => `${c.value}!`))).toContain('validity');
  });

  it('one-value-per-ballot: a proposer that sends two values in one ballot', () => {
    expect(broken(twisted2a((c, i) => (i === 0 ? `${c.value}'` : c.value!)))).toContain('one-value-per-ballot');
  });
});
