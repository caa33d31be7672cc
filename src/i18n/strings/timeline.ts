/** Strings of the timeline views (add keys to both languages). */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};
