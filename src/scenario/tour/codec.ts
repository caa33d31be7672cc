/**
 * Tour files and links. A link carries a tour as `tour=<base64url(deflate(JSON))>` (or a
 * built-in tour's id); it goes through the scenario codec's caps: the link's length before
 * decoding, the inflated size while inflating (zip bombs), then the validator.
 */
import { deflateSync } from 'fflate';
import { decodeBase64url, encodeBase64url } from '../base64url';
import { inflateCapped } from '../inflate';
import { MAX_INFLATED_BYTES, MAX_JSON_CHARS, MAX_LINK_CHARS } from '../codec';
import { findJsonError, lineColumn } from '../jsonError';
import type { ProtocolLookup } from '../validate';
import { validateTour, type TourResult } from './validate';
import type { Tour } from './types';

const fail = (error: string): TourResult => ({ ok: false, errors: [error] });

export function parseTourJson(text: string, lookup: ProtocolLookup, known?: readonly string[]): TourResult {
  if (text.length > MAX_JSON_CHARS) return fail(`tour is too large (${text.length} characters, limit ${MAX_JSON_CHARS})`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const found = findJsonError(body);
    if (!found) return fail(`tour is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    const { line, column } = lineColumn(body, found.offset);
    return fail(`tour is not valid JSON: ${found.problem} at line ${line}, column ${column}`);
  }
  return validateTour(data, lookup, known);
}

/** A tour as written: one that names a curated scenario keeps only its `scenarioId` (the
 * validator refuses a tour with both, and resolves the id into `scenario` when it reads it). */
function asWritten(t: Tour): Tour | Omit<Tour, 'scenario'> {
  if (t.scenarioId === undefined) return t;
  const { scenario: _resolved, ...rest } = t;
  return rest;
}

export function tourToJson(t: Tour): string {
  return `${JSON.stringify(asWritten(t), null, 2)}\n`;
}

/** The compressed form, for `tour=` in a link. */
export function encodeTour(t: Tour): string {
  return encodeBase64url(deflateSync(new TextEncoder().encode(JSON.stringify(asWritten(t))), { level: 9 }));
}

export function decodeTour(encoded: string, lookup: ProtocolLookup, known?: readonly string[]): TourResult {
  if (encoded === '') return fail('link has no tour');
  if (encoded.length > MAX_LINK_CHARS) return fail(`tour link is too long (${encoded.length} bytes, limit ${MAX_LINK_CHARS})`);
  const decoded = decodeBase64url(encoded);
  if (!decoded.ok) return fail(`tour link is truncated or corrupt (${decoded.error})`);
  const inflated = inflateCapped(decoded.bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) return fail(inflated.reason === 'too-large' ? 'tour in link is too large once decompressed (limit 1 MiB)' : 'tour link is truncated or corrupt (its compressed data does not unpack)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('tour link is truncated or corrupt (not UTF-8 text)');
  }
  return parseTourJson(text, lookup, known);
}

/** The `tour=` and `tourStep=` parameters, from a URL's query or fragment. */
export function tourParams(url: string): { tour: string; step?: number } | null {
  const parts: string[] = [];
  const q = url.indexOf('?');
  const h = url.indexOf('#');
  if (q >= 0) parts.push(...url.slice(q + 1, h > q ? h : undefined).split('&'));
  if (h >= 0) parts.push(...url.slice(h + 1).split('&'));
  let tour: string | undefined;
  let step: number | undefined;
  for (const part of parts) {
    if (part.startsWith('tour=')) tour = part.slice(5);
    else if (/^tourStep=\d{1,4}$/.test(part)) step = Number(part.slice(9));
  }
  return tour === undefined ? null : { tour, ...(step !== undefined ? { step } : {}) };
}
