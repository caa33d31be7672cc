/** A strings file imported as its Chinese half only (zhFirst.ts). */
declare module '*?zh' {
  export const zhCN: Record<string, string>;
}
