/** The shape of a translation rule, shared by the per-protocol template files. */

/** A Chinese template (`$1`… for the captures) or a function of the captures. */
export type Replace = string | ((match: string, ...groups: (string | undefined)[]) => string);

/** One English message shape and its Chinese. */
export type Rule = [RegExp, Replace];

/** A list the checker joined with ` and ` (values, commands), joined the Chinese way. */
export function andList(list: string): string {
  const items = list.split(' and ');
  return items.length > 2 ? `${items.slice(0, -1).join('、')} 和 ${items.at(-1)}` : items.join(' 和 ');
}
