/**
 * A wide table's horizontal scroll container: focusable and named, so keyboard users can
 * scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
