/** The built-in tours, by id (`?tour=<id>` opens one). */
import type { Tour } from '../types';
import { raftElection } from './raftElection';

export const BUILTIN_TOURS: readonly Tour[] = [raftElection];

export function builtinTour(id: string): Tour | undefined {
  return BUILTIN_TOURS.find((t) => t.id === id);
}
