/**
 * What the cluster view draws behind its nodes for a protocol that asks for it through its
 * view hints: a hash ring (`ringPlace`) is the stage itself. Loaded on demand, so protocols
 * without one do not pay for it.
 */
import { Suspense, lazy } from 'react';
import type { Point } from './geometry';

const RingStage = lazy(() => import('../ring/RingStage').then((m) => ({ default: m.RingStage })));

export function RingBackdrop(props: { center: Point; radius: number; width: number; height: number; nodeRadius: number }) {
  return (
    <Suspense fallback={null}>
      <RingStage {...props} />
    </Suspense>
  );
}
