/**
 * A user-visible string written straight into a view, instead of through `t(…)`, shows in
 * English to every reader. This scans the views' JSX for text and for the attributes people
 * read (aria-label, title, placeholder, alt) written as literals with words in them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** Two letters in a row: a word (symbols such as ✕, ▸, ×, ⚡ and numbers are fine). */
const WORDY = /[A-Za-z]{2,}/;

/** The attributes people read, or hear from a screen reader. */
const READ = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext']);

/** JSON's own words, shown as data (the inspector's tree), not as language. */
const JSON_WORDS = new Set(['null', 'true', 'false']);

/** An attribute of an HTML or SVG element (a component's `title` prop may be a string key). */
function intrinsic(attr: ts.JsxAttribute): boolean {
  const tag = attr.parent.parent.tagName.getText();
  return /^[a-z]/.test(tag);
}

/** JSX text and read attributes written as literals with words in them, parsed as TSX. */
export function literals(source: string): string[] {
  const file = ts.createSourceFile('x.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (WORDY.test(text) && !JSON_WORDS.has(text)) found.push(text);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer) && intrinsic(node)) {
      const name = node.name.getText(file);
      if (READ.has(name) && WORDY.test(node.initializer.text)) found.push(`${name}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no user-visible string bypasses i18n', () => {
  it('finds a literal in a sample', () => {
    expect(literals('<button title="Close">Close now</button>')).toEqual(['title="Close"', 'Close now']);
    expect(literals('<Card title="ring.key" />')).toEqual([]);
    expect(literals('<p>{t(\'x\')}</p><span aria-hidden="true">✕</span>')).toEqual([]);
  });

  it('in every view and the app shell', () => {
    const offenders = [...files(join(ROOT, 'views')), ...files(join(ROOT, 'app'))].flatMap((f) => literals(readFileSync(f, 'utf8')).map((s) => `${relative(ROOT, f)}: ${s}`));
    expect(offenders).toEqual([]);
  });
});
