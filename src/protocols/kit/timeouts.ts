/**
 * The leader-election timing parameters that leader-based protocols share (Raft, Multi-Paxos):
 * a randomized election timeout range, a heartbeat interval, and the rule tying them (Raft
 * section 5.6: heartbeats must come well inside the election timeout, or followers keep
 * starting elections against a healthy leader).
 */
import type { ParamSpec, ProtocolConfig } from '../types';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function electionTimeoutParam(description: string): ParamSpec {
  return {
    name: 'electionTimeout',
    description,
    default: [150, 300],
    check: (v) => (Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]) && v[0] > 0 && v[0] <= v[1] ? null : 'must be [min, max] with whole numbers 0 < min ≤ max'),
  };
}

export function heartbeatParam(description: string): ParamSpec {
  return { name: 'heartbeatInterval', description, default: 50, check: (v) => (isInt(v) && v > 0 ? null : 'must be a whole number of ms above 0') };
}

/** checkParams for a protocol with both parameters: the heartbeat below the timeout's minimum. */
export function heartbeatInsideTimeout(values: ProtocolConfig['params']): { path: string; message: string }[] {
  const [min] = (values.electionTimeout ?? [150, 300]) as [number, number];
  const hb = (values.heartbeatInterval ?? 50) as number;
  return hb < min ? [] : [{ path: 'heartbeatInterval', message: `must be below electionTimeout's minimum (${min} ms), got ${hb}` }];
}
