/** Placeholder: being built. */
export function Statistics() {
  return null;
}
