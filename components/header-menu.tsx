'use client';

import { useEffect, useId, useState } from 'react';

/**
 * The header's menu: inline on wide screens, behind a "Menu" button with aria-expanded on narrow
 * ones (and at 200 % zoom), so the header never pushes the page sideways (WCAG 1.4.10).
 */
export function HeaderMenu({ label, closeLabel, navLabel, children }: { label: string; closeLabel: string; navLabel: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="header-menu-toggle button button-secondary lg:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span>
        {open ? closeLabel : label}
      </button>
      <nav
        id={id}
        aria-label={navLabel}
        className={`header-menu ${open ? 'flex' : 'hidden'} w-full flex-col gap-1 lg:flex lg:w-auto lg:flex-row lg:flex-wrap lg:items-center lg:gap-x-5`}
      >
        {children}
      </nav>
    </>
  );
}
