/**
 * Scenario JSON and links (`#s=` + base64url(deflate(JSON))). Everything that comes in is
 * size-capped before it is parsed or inflated, then validated.
 */
import { deflateSync } from 'fflate';
import type { Scenario } from './types';
import { decodeBase64url, encodeBase64url } from './base64url';
import { inflateCapped } from './inflate';
import { findJsonError, lineColumn } from './jsonError';
import { validateScenario, type ProtocolLookup, type ScenarioResult } from './validate';

export const MAX_JSON_CHARS = 1024 * 1024;
export const MAX_LINK_CHARS = 256 * 1024;
/** Decompressed size; the same as the JSON cap, so a link holds no more than a file. */
export const MAX_INFLATED_BYTES = 1024 * 1024;

const fail = (error: string): ScenarioResult => ({ ok: false, errors: [error] });

export function parseScenarioJson(text: string, lookup: ProtocolLookup, known?: readonly string[]): ScenarioResult {
  if (text.length > MAX_JSON_CHARS) return fail(`scenario is too large (${text.length} characters, limit ${MAX_JSON_CHARS})`);
  // Some editors start UTF-8 files with a byte order mark, which JSON.parse rejects.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return fail(jsonErrorMessage(body, e));
  }
  return validateScenario(data, lookup, known);
}

function jsonErrorMessage(text: string, thrown: unknown): string {
  const found = findJsonError(text);
  if (!found) return `scenario is not valid JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  const { line, column } = lineColumn(text, found.offset);
  return `scenario is not valid JSON: ${found.problem} at line ${line}, column ${column} (position ${found.offset})`;
}

export function scenarioToJson(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** The URL fragment, `#s=…`. Compact JSON: whitespace would only cost compression. */
export function encodeScenarioUrl(s: Scenario): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  return `#s=${encodeBase64url(deflateSync(bytes, { level: 9 }))}`;
}

/** Accepts a full URL, a fragment (`#s=…`, `#a=1&s=…`) or the bare `s=…`. */
export function decodeScenarioUrl(urlOrFragment: string, lookup: ProtocolLookup, known?: readonly string[]): ScenarioResult {
  const encoded = scenarioParam(urlOrFragment);
  if (encoded === undefined || encoded === '') return fail('link has no scenario (#s=… missing)');
  if (encoded.length > MAX_LINK_CHARS) return fail(`link is too long (${encoded.length} bytes, limit ${MAX_LINK_CHARS})`);
  const decoded = decodeBase64url(encoded);
  if (!decoded.ok) return fail(`link is truncated or corrupt (${decoded.error})`);
  const inflated = inflateCapped(decoded.bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    return fail(inflated.reason === 'too-large' ? 'scenario in link is too large once decompressed (limit 1 MiB)' : 'link is truncated or corrupt (its compressed data does not unpack)');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('link is truncated or corrupt (not UTF-8 text)');
  }
  return parseScenarioJson(text, lookup, known);
}

function scenarioParam(input: string): string | undefined {
  const trimmed = input.trim();
  const hash = trimmed.indexOf('#');
  // Without "#", only a bare fragment can hold it: in a URL's path or query it is not ours.
  if (hash < 0 && trimmed.includes('://')) return undefined;
  const fragment = hash < 0 ? trimmed : trimmed.slice(hash + 1);
  for (const part of fragment.split('&')) if (part.startsWith('s=')) return part.slice(2);
  return undefined;
}
