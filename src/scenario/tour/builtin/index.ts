/** The built-in tours, by id (`?tour=<id>` opens one). */
import type { TourInput } from '../types';
import { raftElection } from './raftElection';
import { raftFigure8 } from './raftFigure8';
import { twoPcVsThreePc } from './twoPcVsThreePc';
import { chashJoinLeave } from './chashJoinLeave';
import { zabBroadcast } from './zabBroadcast';
import { lockFencing } from './lockFencing';
import { paxosAdopt } from './paxosAdopt';
import { multiPaxosGap } from './multiPaxosGap';

/** As written: a tour may name a curated scenario (`scenarioId`); `resolveTour` fills it in. */
export const BUILTIN_TOURS: readonly TourInput[] = [raftElection, raftFigure8, twoPcVsThreePc, chashJoinLeave, zabBroadcast, lockFencing, paxosAdopt, multiPaxosGap];

export function builtinTour(id: string): TourInput | undefined {
  return BUILTIN_TOURS.find((t) => t.id === id);
}
