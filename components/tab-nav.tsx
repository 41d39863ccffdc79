'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/**
 * DKFDS tabs as a navigation between sub-pages: the tab of the current page (the longest
 * matching path) is marked with aria-current="page".
 */
export function TabNav({ label, items, className = '' }: { label: string; items: { href: string; label: string }[]; className?: string }) {
  const pathname = usePathname();
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className={`no-print ${className}`}>
      <ul className="tab-list">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.href === current ? 'page' : undefined}>{item.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
