/** Every Zab invariant, checked after every step. docs/protocols/zab.md lists their sources. */
import type { Invariant } from '../types';
import { oneLeaderPerEpoch, prefixConsistency, primaryIntegrity, shouldNotBeTriggered } from './invariantsState';
import { agreement, globalPrimaryOrder, integrity, localPrimaryOrder, totalOrder } from './invariantsDelivery';
import { leaderLogCompleteness } from './invariantsCompleteness';

export const zabInvariants: Invariant[] = [
  oneLeaderPerEpoch,
  prefixConsistency,
  integrity,
  agreement,
  totalOrder,
  localPrimaryOrder,
  globalPrimaryOrder,
  primaryIntegrity,
  leaderLogCompleteness,
  shouldNotBeTriggered,
];
