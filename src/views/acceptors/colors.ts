/** One colour per proposer, for its ballots (ballot b belongs to proposer (b - 1) mod k). The
 * ballot number is always written too: colour is never the only signal. */
import { ballotOwner } from '../../protocols/kit/ballots';

const PROPOSER_COLORS = ['#2563eb', '#d97706', '#7c3aed', '#059669', '#db2777', '#0891b2', '#65a30d', '#ea580c'];
const NONE = '#9ca3af';

export function ballotColor(ballot: number, proposers: number): string {
  const owner = ballotOwner(ballot, proposers);
  return owner < 0 ? NONE : PROPOSER_COLORS[owner % PROPOSER_COLORS.length]!;
}

export const proposerColor = (index: number): string => PROPOSER_COLORS[index % PROPOSER_COLORS.length]!;
