/** Strings of the layout's placeholders (views/loading/PanelSkeleton.tsx): part of the first
 * load, since they show before the panels' own tables arrive. Add keys to both languages. */
export const en = {
  'layout.loading': 'Loading…',
};

export const zhCN: Record<keyof typeof en, string> = {
  'layout.loading': '正在加载…',
};
