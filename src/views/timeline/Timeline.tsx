/** Placeholder: being built. */
export function Timeline() {
  return <div data-testid="timeline" />;
}
