import { describe, expect, it } from 'vitest';
import { createSession } from '../store/session';
import { twopc } from '../protocols/twopc';
import { SHORTCUTS } from './shortcutList';
import { handleKey } from './useShortcuts';

const listed = new Set(SHORTCUTS.flatMap((s) => s.keys.map((k) => k.toLowerCase())));

describe('the help lists every shortcut', () => {
  it('each key the app handles, with a node selected or not', () => {
    // L copies a link (the clipboard is not here); it is listed all the same.
    const keys = [...'abcdefghijkmnopqrstuvwxyz,.;/[]?'];
    for (const selected of [false, true]) {
      for (const key of keys) {
        const s = createSession(twopc.scenarios[0]!);
        if (selected) s.getState().select({ kind: 'node', id: s.getState().frame.nodes[0]!.id });
        if (handleKey(s.getState(), { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false })) expect(listed.has(key), `${key} is handled but not in the help`).toBe(true);
      }
    }
    expect(listed.has('l')).toBe(true);
  });
});
