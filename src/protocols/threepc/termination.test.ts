import { describe, expect, it } from 'vitest';
import { isFirst, terminationRule } from './termination';

describe('3PC termination rule (Skeen and Stonebraker 1983)', () => {
  it('any abort, or a site still in q, means abort', () => {
    expect(terminationRule('n2', { n2: 'p', n3: 'a' })).toBe('abort');
    expect(terminationRule('n2', { n2: 'w', n3: 'q' })).toBe('abort');
  });
  it('any commit means commit', () => {
    expect(terminationRule('n2', { n2: 'w', n3: 'c', n4: 'p' })).toBe('commit');
  });
  it('everyone uncertain in w means abort: nobody can have committed', () => {
    expect(terminationRule('n2', { n2: 'w', n3: 'w', n4: 'w' })).toBe('abort');
    expect(terminationRule('n2', { n2: 'w' })).toBe('abort');
  });
  it('some in p and none committed: move the others in w to p first, or commit if none is left in w', () => {
    expect(terminationRule('n2', { n2: 'p', n3: 'w', n4: 'p' })).toBe('precommit');
    expect(terminationRule('n2', { n2: 'w', n3: 'p' })).toBe('commit');
    expect(terminationRule('n2', { n2: 'p', n3: 'p' })).toBe('commit');
  });
  it('the backup is the responder first in node order, not the first by name', () => {
    const order = ['n1', 'n2', 'n9', 'n10'];
    expect(isFirst(order, 'n9', ['n9', 'n10'])).toBe(true);
    expect(isFirst(order, 'n10', ['n9', 'n10'])).toBe(false);
    expect(isFirst(order, 'n2', [])).toBe(true);
  });
});
