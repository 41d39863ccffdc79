'use client';

import { useEffect, useRef } from 'react';

/** A page's h1 that takes the focus when the page opens, so a screen reader starts at the new step. */
export function FocusHeading({ children, className = 'text-2xl font-bold' }: { children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={`${className} focus:outline-none`}>
      {children}
    </h1>
  );
}
