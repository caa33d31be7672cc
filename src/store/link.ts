/**
 * Links: `#s=…&k=…&t=…&x=…` carries the scenario, the cursor and the sender's speed. Apart
 * from persist.ts (the autosave) because the link codec brings DEFLATE (fflate) and the JSON
 * error finder with it: they load only when a link is opened or made (first load, issue 17).
 * Nothing here trusts its input.
 */
import type { Scenario } from '../scenario/types';
import { decodeScenarioUrl, encodeScenarioUrl } from '../scenario/codec';
import { PROTOCOL_IDS, getProtocol } from '../protocols/loader';
import { MAX_LINK_STEP, hasLink, speedOf } from './persist';

export type LinkResult = { kind: 'none' } | { kind: 'ok'; scenario: Scenario; step?: number; time?: number; speed?: number } | { kind: 'bad'; reason: string };

/** A cursor time between events (`t=`), in simulated ms with up to 3 decimals. */
const TIME = /[#&]t=(\d{1,9}(?:\.\d{1,3})?)(?:&|$)/;
/** The sender's playback speed (`x=`), so the receiver watches at the same pace. */
const SPEED = /[#&]x=(\d{1,3}(?:\.\d{1,4})?)(?:&|$)/;

/** Reads `#s=…&k=…&t=…` from a location hash. */
export function readLink(hash: string): LinkResult {
  if (!hasLink(hash)) return { kind: 'none' };
  const r = decodeScenarioUrl(hash, getProtocol, [...PROTOCOL_IDS]);
  if (!r.ok) return { kind: 'bad', reason: r.errors.join('; ') };
  const k = /[#&]k=(\d{1,9})(?:&|$)/.exec(hash);
  // The step is replayed on open: capped, so a hostile link cannot make the page run for minutes.
  const t = TIME.exec(hash);
  const x = SPEED.exec(hash);
  return {
    ...speedOf(x?.[1]),
    kind: 'ok',
    scenario: r.scenario,
    ...(k ? { step: Math.min(Number(k[1]), MAX_LINK_STEP) } : {}),
    ...(k && t ? { time: Math.min(Number(t[1]), r.scenario.until) } : {}),
  };
}

/** The link's fragment: the scenario, and the cursor (its step, and its time when that lies
 * between events: playback stops anywhere, and a compared run follows by time). */
export function linkFragment(scenario: Scenario, step?: number, time?: number, speed?: number): string {
  const t = step !== undefined && time !== undefined ? `&t=${Math.round(time * 1000) / 1000}` : '';
  const x = speed !== undefined ? `&x=${Number(speed.toPrecision(4))}` : '';
  return `${encodeScenarioUrl(scenario)}${step !== undefined ? `&k=${step}` : ''}${t}${x}`;
}

