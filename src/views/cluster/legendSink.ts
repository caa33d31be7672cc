/** Where a cluster view sends its key instead of drawing it: set by compare mode, whose panes
 * share one legend (compare/CompareLegend.tsx). Absent: the view draws its own. */
import { createContext } from 'react';
import type { LegendKeys } from './legendKeys';

export const LegendSink = createContext<((keys: LegendKeys) => void) | null>(null);
