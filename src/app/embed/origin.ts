/**
 * Which origin the embed talks to, fixed once at start-up. The host page may name itself with
 * `host=`; the browser tells us the real parent (`location.ancestorOrigins` in Chromium and
 * Safari, else the referrer, which the default referrer policy sends as the origin). A named
 * host that the browser contradicts, or no way to know the parent, turns the bridge off: the
 * embed then still works, but talks to no one.
 */
import { parseOrigin } from '../../store/embedLink';

export interface OriginFacts {
  /** Whether the page is in a frame at all (window.parent !== window). */
  framed: boolean;
  /** `host=` as validated by readEmbedOptions (null when absent), and whether it was invalid. */
  host: string | null;
  badHost: boolean;
  /** location.ancestorOrigins[0], when the browser has it. */
  ancestor: string | null;
  /** document.referrer ('' when none was sent). */
  referrer: string;
}

export type OriginResult = { ok: true; origin: string } | { ok: false; reason: string };

function referrerOrigin(referrer: string): string | null {
  if (!referrer) return null;
  try {
    return parseOrigin(new URL(referrer).origin);
  } catch {
    return null;
  }
}

export function resolveParentOrigin(f: OriginFacts): OriginResult {
  if (!f.framed) return { ok: false, reason: 'not in a frame' };
  if (f.badHost) return { ok: false, reason: 'host= is not an origin' };
  // What the browser says the parent is: the ancestor list is exact; the referrer is the page
  // that loaded the frame, which for an iframe's first load is its parent.
  const seen = f.ancestor !== null ? parseOrigin(f.ancestor) : referrerOrigin(f.referrer);
  if (f.host) {
    if (seen !== null && seen !== f.host) return { ok: false, reason: `host=${f.host} but the embedding page is ${seen}` };
    return { ok: true, origin: f.host };
  }
  if (seen === null) return { ok: false, reason: 'the embedding page is unknown (no referrer): add host=<its origin>' };
  return { ok: true, origin: seen };
}
