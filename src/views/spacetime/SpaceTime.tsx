/** Placeholder: being built. */
export function SpaceTime() {
  return <section className="panel" aria-label="Space-time diagram" data-testid="spacetime" />;
}
