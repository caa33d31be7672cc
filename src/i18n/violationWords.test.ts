/**
 * Violation messages and invariant names read as plain words in both languages (issue 17, item
 * 16): every curated scenario of every protocol is run to its violations, and each message and
 * each invariant's name is checked for code identifiers (camelCase, TLA+ operator names) and, in
 * Chinese, for English left untranslated. A protocol's message type names (COMMIT, Write) are
 * its terms and may appear; the TLA+ names stay in each invariant's `source`.
 */
import { describe, expect, it } from 'vitest';
import { protocols } from '../protocols/registry';
import { runScenario } from '../sim/simulation';
import { invariantsOf } from '../check/invariants';
import { violationText } from './violations';
import { invariantText } from './content';

/** commitIndex, maxBal, TCConsistent, VotesSafe, commitInconsistent. */
const IDENTIFIER = /\b(?:[a-z]+[A-Z]|[A-Z]{2,}[a-z]|[A-Z][a-z]+[A-Z])\w*/g;
/** English glue words: a sentence, not a name or a value. */
const ENGLISH = /\b(?:in|of|and|but|the|was|is|to|for|after|before|by|at|which|no|not|it|its|then|had|got|from|with|only|never|are|one)\b/i;
const CJK = /[\u4e00-\u9fff]/;

function identifiers(text: string, allowed: ReadonlySet<string>): string[] {
  return (text.match(IDENTIFIER) ?? []).filter((w) => !allowed.has(w));
}

describe('violation messages and invariant names are plain words', () => {
  for (const [id, p] of protocols) {
    it(`${id}: every curated violation, in English and Chinese`, () => {
      let checked = 0;
      for (const s of p.scenarios) {
        const sim = runScenario(p, s);
        const types = new Set(sim.events.flatMap((e) => [...(e.sent ?? []).map((m) => m.type), ...(e.message ? [e.message.type] : [])]));
        for (const v of sim.violations) {
          const where = `${id}:${s.name}: ${v.message}`;
          expect(identifiers(violationText('en', id, v.message), types), where).toEqual([]);
          const zh = violationText('zh-CN', id, v.message);
          expect(zh, where).toMatch(CJK);
          expect(zh, where).not.toMatch(ENGLISH);
          expect(identifiers(zh, types), where).toEqual([]);
          checked++;
        }
      }
      // Every protocol has a curated bug scenario (BRIEF: each switch has an `x-bug`).
      expect(checked).toBeGreaterThan(0);
    });
    it(`${id}: every invariant's name, in English and Chinese`, () => {
      for (const inv of invariantsOf(p)) {
        const full = { id: inv.id, name: inv.name, description: inv.description ?? '' };
        expect(identifiers(invariantText('en', id, full).name, new Set()), inv.id).toEqual([]);
        const zh = invariantText('zh-CN', id, full).name;
        expect(zh, inv.id).toMatch(CJK);
        expect(zh.match(/[A-Za-z]{2,}/g)?.filter((w) => w !== w.toUpperCase()) ?? [], `${inv.id}: ${zh}`).toEqual([]);
      }
    });
  }
});
