/** Placeholder: being built. */
export function ExportImport() {
  return null;
}
