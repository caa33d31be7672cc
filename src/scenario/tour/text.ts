/** Localized tour text and `{{name}}` templates filled from the step bindings. */
import type { Text } from './types';
import type { Bindings } from './anchors';

export type TourLang = 'en' | 'zh-CN';

export function pick(text: Text | undefined, lang: TourLang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang !== 'en' ? text[lang] : undefined) ?? text.en;
}

/** `{{L}}` → the node bound to `L`; an unbound name stays as written, so the author sees it. */
export function fill(template: string, b: Bindings): string {
  return template.replace(/\{\{(\w{1,32})\}\}/g, (all, name: string) => (Object.hasOwn(b, name) ? b[name]! : all));
}
