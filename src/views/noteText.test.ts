import { describe, expect, it } from 'vitest';
import { withInvariantNames } from './noteText';
import { lock } from '../protocols/lock';
import { paxos } from '../protocols/paxos';
import { chash } from '../protocols/chash';
import { raft } from '../protocols/raft';
import { twopc } from '../protocols/twopc';
import { threepc } from '../protocols/threepc';
import { zab } from '../protocols/zab';
import { multipaxos } from '../protocols/multipaxos';
import { invariantName } from './invariantName';
import { scenarioText, loadContent } from '../i18n/contentText';
import type { ProtocolModule } from '../protocols/types';

const MODULES: ProtocolModule[] = [lock, paxos, chash, raft, twopc, threepc, zab, multipaxos];

describe('scenario notes name invariants as the Invariants panel does', () => {
  it('replaces a token with the display name', () => {
    expect(withInvariantNames('x {inv:storage-mutex} y', 'en', lock)).toBe(`x ${invariantName('en', lock, 'storage-mutex')} y`);
  });

  it('no curated note shows an internal invariant id', async () => {
    await loadContent();
    for (const module of MODULES) {
      const ids = module.invariants.map((i) => i.id).filter((id) => id.includes('-'));
      for (const s of module.scenarios) {
        for (const lang of ['en', 'zh-CN'] as const) {
          const text = withInvariantNames(scenarioText(lang, module.id, s).description, lang, module);
          expect(text).not.toMatch(/\{inv:/);
          for (const id of ids) expect(text, `${module.id}:${s.name} ${lang}`).not.toMatch(new RegExp(`(^|[^a-z-])${id}([^a-z-]|$)`));
        }
      }
    }
  });
});
