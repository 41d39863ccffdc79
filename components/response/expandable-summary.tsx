'use client';

import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * A proposal's summary, folded to its first lines once JavaScript runs and the text is longer
 * than that; without JavaScript it is shown whole.
 */
export function ExpandableSummary({ id, text }: { id: string; text: string }) {
  const t = useTranslations('responses');
  const paragraph = useRef<HTMLParagraphElement>(null);
  const [long, setLong] = useState(false);
  const [expanded, setExpanded] = useState(false);
  useLayoutEffect(() => {
    const element = paragraph.current;
    if (!element) return;
    // Measured folded: longer than three lines only if the folded box cuts text off.
    element.classList.add('line-clamp-3');
    const cut = element.scrollHeight > element.clientHeight + 1;
    element.classList.remove('line-clamp-3');
    setLong(cut);
  }, [text]);
  const folded = long && !expanded;
  return (
    <div>
      <p id={id} ref={paragraph} className={`max-w-prose whitespace-pre-line text-sm leading-relaxed ${folded ? 'line-clamp-3' : ''}`}>
        {text}
      </p>
      {long && (
        <button type="button" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded(!expanded)} className="button button-tertiary button-small mt-1">
          {expanded ? t('hideSummary') : t('showSummary')}
        </button>
      )}
    </div>
  );
}
