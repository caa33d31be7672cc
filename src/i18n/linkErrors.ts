/**
 * Why a link could not be opened, in the reader's language. The scenario layer words its
 * errors in English (they also serve the CLI); here their fixed phrases are swapped for the
 * translated ones, and field names, values and numbers stay as they are.
 */
import { translate, type Lang, type StringKey } from '.';

/** English phrases from `src/scenario/codec.ts` and `problems.ts`, longest first. */
const PHRASES: [string, StringKey][] = [
  ['comes from a newer Faultline; this build reads versions', 'formatVersion.link.newer'],
  ['scenario in link is too large once decompressed', 'newcomer.link.tooLarge'],
  ['its compressed data does not unpack', 'newcomer.link.noUnpack'],
  ['link is truncated or corrupt', 'newcomer.link.corrupt'],
  ['link has no scenario', 'newcomer.link.none'],
  ['link is too long', 'newcomer.link.tooLong'],
  ['not UTF-8 text', 'newcomer.link.notText'],
  ['is not base64url', 'newcomer.link.notBase64'],
  ['must be', 'newcomer.link.mustBe'],
  ['missing', 'newcomer.link.missing'],
  [', got', 'newcomer.link.got'],
];

/** Sentences with values in them (the decoder's, the file reader's): the values are kept. */
const PATTERNS: [RegExp, StringKey, string[]][] = [
  [/length (\d+) is not a whole number of bytes/g, 'walk.link.notWhole', ['n']],
  [/character ("(?:[^"\\]|\\.)*") at position (\d+)/g, 'walk.link.charAt', ['ch', 'pos']],
  [/format: missing \(expected ("[^"]*") or ("[^"]*")\)/g, 'walk.import.formatMissing', ['a', 'b']],
  [/format: expected ("[^"]*") or ("[^"]*")(?=, got)/g, 'walk.import.formatExpected', ['a', 'b']],
  [/file is empty/g, 'walk.import.empty', []],
  [/file is not valid JSON/g, 'walk.import.notJson', []],
];

export function linkErrorText(lang: Lang, detail: string): string {
  if (lang === 'en') return detail;
  let out = detail;
  for (const [re, key, names] of PATTERNS) out = out.replace(re, (...m: string[]) => translate(lang, key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]))));
  for (const [phrase, key] of PHRASES) out = out.split(phrase).join(translate(lang, key));
  return out;
}
