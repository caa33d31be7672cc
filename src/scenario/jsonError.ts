/**
 * Finds where JSON text breaks, for a message with a line and column. Engines word
 * JSON.parse errors differently (some give no position), so after JSON.parse has failed we
 * scan the text once ourselves. Iterative, so that deep nesting cannot overflow the stack.
 */

type Want = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

export interface JsonSyntaxError {
  offset: number;
  problem: string;
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | null {
  const stack: string[] = [];
  let want: Want = 'value';
  let i = 0;
  const fail = (offset: number, problem: string): JsonSyntaxError => ({ offset, problem });
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) return want === 'after' && stack.length === 0 ? null : fail(i, 'unexpected end of input');
    const c = text[i]!;
    const closer = stack.at(-1) === '{' ? '}' : ']';
    let next: Want = 'after';
    if (c === closer && (want === 'key' || want === 'value') && stack.length > 0) {
      // An error either way; JSON has no trailing commas, so name one when that is what it is.
      const comma = previousToken(text, i);
      if (text[comma] === ',') return fail(comma, `trailing comma before '${closer}'`);
    }
    switch (want) {
      case 'after':
        if (stack.length === 0) return fail(i, 'unexpected text after the end of the JSON value');
        if (c === ',') {
          i++;
          want = closer === '}' ? 'key' : 'value';
        } else if (c === closer) {
          i++;
          stack.pop();
        } else return fail(i, `expected ',' or '${closer}', got ${JSON.stringify(c)}`);
        continue;
      case 'colon':
        if (c !== ':') return fail(i, `expected ':' after a property name, got ${JSON.stringify(c)}`);
        i++;
        want = 'value';
        continue;
      case 'key':
      case 'key-or-close':
        if (c === '}' && want === 'key-or-close') {
          i++;
          stack.pop();
          want = 'after';
          continue;
        }
        if (c !== '"') return fail(i, `expected a property name in double quotes, got ${JSON.stringify(c)}`);
        next = 'colon';
        break;
      case 'value':
      case 'value-or-close':
        if (c === ']' && want === 'value-or-close') {
          i++;
          stack.pop();
          want = 'after';
          continue;
        }
        if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          want = c === '{' ? 'key-or-close' : 'value-or-close';
          continue;
        }
        break;
    }
    // A string (value or key), number or literal.
    const end = c === '"' ? scanString(text, i) : scanScalar(text, i);
    if (typeof end !== 'number') return end;
    i = end;
    want = next;
  }
}

function previousToken(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && ' \t\n\r'.includes(text[j]!)) j--;
  return j;
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return { offset: start, problem: 'unterminated string' };
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, problem: 'control character in a string (write it as an escape such as \\n)' };
    if (c !== 0x5c) {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
    else if (next === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
    else return { offset: i, problem: 'invalid escape in a string' };
  }
}

function scanScalar(text: string, i: number): number | JsonSyntaxError {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  return { offset: i, problem: `expected a value, got ${JSON.stringify(text[i])}` };
}

/** 1-based line and column of an offset, as editors show them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
