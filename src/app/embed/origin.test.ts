import { describe, expect, it } from 'vitest';
import { resolveParentOrigin, type OriginFacts } from './origin';

const facts = (f: Partial<OriginFacts>): OriginFacts => ({ framed: true, host: null, badHost: false, ancestor: null, referrer: '', ...f });

describe('the host origin', () => {
  it('is none outside a frame, or with a host= that is not an origin', () => {
    expect(resolveParentOrigin(facts({ framed: false, host: 'https://a.example' })).ok).toBe(false);
    expect(resolveParentOrigin(facts({ badHost: true, ancestor: 'https://a.example' })).ok).toBe(false);
  });

  it('is host= when the browser agrees, or cannot tell', () => {
    expect(resolveParentOrigin(facts({ host: 'https://a.example', ancestor: 'https://a.example' }))).toEqual({ ok: true, origin: 'https://a.example' });
    expect(resolveParentOrigin(facts({ host: 'https://a.example', referrer: 'https://a.example/course/week1.html?x=1' }))).toEqual({ ok: true, origin: 'https://a.example' });
    expect(resolveParentOrigin(facts({ host: 'https://a.example' }))).toEqual({ ok: true, origin: 'https://a.example' });
  });

  it('is refused when host= names another page than the embedding one', () => {
    const r = resolveParentOrigin(facts({ host: 'https://a.example', ancestor: 'https://evil.example' }));
    expect(r.ok).toBe(false);
    expect(resolveParentOrigin(facts({ host: 'https://a.example', referrer: 'https://evil.example/' })).ok).toBe(false);
    // The exact ancestor list wins over the referrer.
    expect(resolveParentOrigin(facts({ host: 'https://a.example', ancestor: 'https://a.example', referrer: 'https://b.example/' })).ok).toBe(true);
  });

  it('without host=, is the embedding page as the browser reports it, else none', () => {
    expect(resolveParentOrigin(facts({ ancestor: 'http://localhost:8000' }))).toEqual({ ok: true, origin: 'http://localhost:8000' });
    expect(resolveParentOrigin(facts({ referrer: 'https://lms.example/mod/page.php?id=3' }))).toEqual({ ok: true, origin: 'https://lms.example' });
    expect(resolveParentOrigin(facts({})).ok).toBe(false);
    // An opaque parent (a sandboxed frame) has no origin to talk to.
    expect(resolveParentOrigin(facts({ ancestor: 'null', referrer: 'https://lms.example/' })).ok).toBe(false);
  });
});
