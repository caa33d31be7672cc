import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, openInAppUrl, parseOrigin, parseRange, readEmbedOptions } from './embedLink';
import { readLink } from './link';
import { raft } from '../protocols/raft';

const s = raft.scenarios[0]!;

describe('embed flags', () => {
  it('are off without embed=1', () => {
    expect(readEmbedOptions('', '#s=abc&k=3')).toBeNull();
    expect(readEmbedOptions('?embed=0', '')).toBeNull();
  });

  it('read from the query or the fragment, the fragment winning', () => {
    const q = readEmbedOptions('?embed=1&lock=edit&range=5..40', '');
    expect(q).toEqual({ options: { lockEdit: true, range: { from: 5, to: 40 }, host: null, badHost: false, lang: null }, problems: [] });
    const h = readEmbedOptions('?range=1..2', '#s=x&embed=1&range=3..9&host=https%3A%2F%2Fcourse.example&lang=zh-CN');
    expect(h?.options).toEqual({ lockEdit: false, range: { from: 3, to: 9 }, host: 'https://course.example', badHost: false, lang: 'zh-CN' });
  });

  it('drop bad values with a reason, and a bad host turns the bridge off', () => {
    const r = readEmbedOptions('', '#embed=1&lock=all&range=9..3&host=javascript:alert(1)&lang=fr');
    expect(r?.options).toEqual({ lockEdit: false, range: null, host: null, badHost: true, lang: null });
    expect(r?.problems).toHaveLength(4);
    expect(r?.problems.join()).toContain('range=9..3');
  });

  it('accept origins only', () => {
    expect(parseOrigin('https://course.example')).toBe('https://course.example');
    expect(parseOrigin('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(parseOrigin('https://course.example/path')).toBeNull();
    expect(parseOrigin('https://user:pw@course.example')).toBeNull();
    expect(parseOrigin('file:///etc')).toBeNull();
    expect(parseOrigin('*')).toBeNull();
    expect(parseOrigin('null')).toBeNull();
  });

  it('accept ranges a..b with a ≤ b, within the link cap', () => {
    expect(parseRange('0..0')).toEqual({ from: 0, to: 0 });
    expect(parseRange('10..200')).toEqual({ from: 10, to: 200 });
    expect(parseRange('10..5')).toBeNull();
    expect(parseRange('-1..5')).toBeNull();
    expect(parseRange('1..9999999')).toBeNull();
    expect(parseRange('1.5..3')).toBeNull();
  });
});

describe('embed links', () => {
  it('carry the run, its cursor and the flags; the app reads the run from them', () => {
    const url = embedUrl('https://site.example/course/faultline/?tour=raft-election', s, 12, 150, { lockEdit: true, range: { from: 5, to: 30 }, host: 'https://course.example' });
    expect(url.startsWith('https://site.example/course/faultline/?tour=raft-election#s=')).toBe(true);
    const hash = url.slice(url.indexOf('#'));
    const link = readLink(hash);
    expect(link).toMatchObject({ kind: 'ok', scenario: s, step: 12, time: 150 });
    expect(readEmbedOptions('?tour=raft-election', hash)?.options).toEqual({ lockEdit: true, range: { from: 5, to: 30 }, host: 'https://course.example', badHost: false, lang: null });
  });

  it('carry the author\'s language, so the frame speaks the language of its title', () => {
    const url = embedUrl('https://site.example/', s, 0, 0, { lockEdit: false, range: null, host: null, lang: 'zh-CN' });
    expect(readEmbedOptions('', url.slice(url.indexOf('#')))?.options.lang).toBe('zh-CN');
  });

  it('make a snippet whose attributes hold text only', () => {
    const html = embedSnippet('https://a.example/#s=x&embed=1', 'Say "hi" <b>&</b>');
    expect(html).toContain('src="https://a.example/#s=x&amp;embed=1"');
    expect(html).toContain('title="Say &quot;hi&quot; &lt;b&gt;&amp;&lt;/b&gt;"');
    expect(html).not.toMatch(/<b>/);
  });

  it('open in the full app without the embed flags, keeping a tour parameter', () => {
    const href = 'https://site.example/c/f/index.html?embed=1&tour=t1#s=old&k=3&embed=1&lock=edit&range=1..9&host=https%3A%2F%2Fx.example&step=2';
    const url = openInAppUrl(href, s, 7, 80);
    expect(url.startsWith('https://site.example/c/f/index.html?tour=t1#s=')).toBe(true);
    expect(url).not.toMatch(/embed=|lock=|range=|host=|s=old|k=3/);
    expect(url.endsWith('&step=2')).toBe(true);
    expect(readLink(url.slice(url.indexOf('#')))).toMatchObject({ kind: 'ok', scenario: s, step: 7, time: 80 });
  });
});
