import { describe, expect, it } from 'vitest';
import { embedKey } from './useEmbedKeys';

describe('embed keys', () => {
  it('keep playback, navigation and selection; never dialogs, the schedule or copy link', () => {
    for (const k of [' ', 'ArrowLeft', 'ArrowRight', '[', ']', 'Home', 'End', 'Escape', 'v', '1', '9']) expect(embedKey(k, false)).toBe(true);
    for (const k of ['p', 's', ',', 'w', 'f', '?', 'l', 'm', '0']) {
      expect(embedKey(k, false)).toBe(false);
      expect(embedKey(k, true)).toBe(false);
    }
  });

  it('take fault keys only while editing is open', () => {
    for (const k of ['c', 'z', 't', 'q', 'k', 'x', 'd', 'y', 'h']) {
      expect(embedKey(k, false)).toBe(false);
      expect(embedKey(k, true)).toBe(true);
    }
  });
});
