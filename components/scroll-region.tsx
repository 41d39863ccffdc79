/**
 * A wide table's horizontal scroll container: focusable and named, so keyboard users can
 * scroll it too (WCAG 2.1.1). Shadows at its edges show that there is more to either side
 * (see .scroll-region in app/globals.css); the page itself never scrolls sideways (WCAG 1.4.10).
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="scroll-region" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
