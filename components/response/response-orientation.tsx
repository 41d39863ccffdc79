'use client';

import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { isAnswered, type AnswerState } from '@/lib/answer-state';

export interface ContentsEntry {
  code: string;
  title: string;
  state: AnswerState;
}

interface Orientation {
  /** Cards hidden by "Vis kun ubesvarede" (they stay mounted, so their saves go on). */
  hidden: ReadonlySet<string>;
  report: (code: string, state: AnswerState) => void;
}

const OrientationContext = createContext<Orientation>({ hidden: new Set(), report: () => {} });

/** What a proposal's card reports and whether it is hidden. Outside the form's provider: nothing. */
export function useAnswerOrientation(code: string) {
  const { hidden, report } = useContext(OrientationContext);
  return { hidden: hidden.has(code), report };
}

export const proposalAnchor = (code: string) => `proposal-${code}`;

const WIDE = '(min-width: 1024px)';
function subscribeToWidth(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const noSubscription = () => () => {};
/** False in the server's HTML and before hydration, true once React runs in the browser. */
export const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

interface Props {
  /** Every proposal of the consultation, for the count, in the form's order. */
  entries: ContentsEntry[];
  /** The server showed only the unanswered ones (?unanswered=1, the way without JavaScript). */
  serverFiltered: boolean;
  sections: { id: string; label: string }[];
  children: React.ReactNode;
}

/**
 * The response form's orientation: progress that stays in view, contents with each proposal's
 * state and the other sections, and "Vis kun ubesvarede". The states start from the server and
 * follow the cards' saves; the filter hides the cards answered when it is switched on, so a card
 * being answered does not vanish under the member's hands.
 */
export function ResponseOrientation({ entries, serverFiltered, sections, children }: Props) {
  const t = useTranslations('responses');
  const hydrated = useHydrated();
  const [states, setStates] = useState<Record<string, AnswerState>>(() => Object.fromEntries(entries.map((e) => [e.code, e.state])));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [onlyUnanswered, setOnlyUnanswered] = useState(false);
  // The contents are open beside the form on a wide screen, and folded above it on a phone until asked for.
  const wide = useSyncExternalStore(subscribeToWidth, () => window.matchMedia(WIDE).matches, () => false);
  const [contentsOpen, setContentsOpen] = useState<boolean | null>(null);
  const report = useCallback((code: string, state: AnswerState) => setStates((current) => (current[code] === state ? current : { ...current, [code]: state })), []);
  // The cards need not re-render when another card's state changes.
  const orientation = useMemo(() => ({ hidden, report }), [hidden, report]);
  const stateOf = (entry: ContentsEntry) => states[entry.code] ?? entry.state;

  const answered = entries.filter((e) => isAnswered(stateOf(e))).length;
  const shown = entries.filter((e) => !hidden.has(e.code) && (!serverFiltered || e.state === 'unanswered'));
  const toggle = () => {
    const next = !onlyUnanswered;
    setOnlyUnanswered(next);
    // A conflict needs the member's attention, so it stays in view.
    setHidden(next ? new Set(entries.filter((e) => stateOf(e) === 'stance' || stateOf(e) === 'comment').map((e) => e.code)) : new Set());
  };

  return (
    <OrientationContext.Provider value={orientation}>
      <div className="sticky top-0 z-10 -mx-4 mt-4 flex items-center gap-3 border-b border-slate-300 bg-white px-4 py-2" data-progress>
        <p id="progress-text" className="font-semibold" data-answered={answered}>
          {t('progress', { answered, total: entries.length })}
        </p>
        <progress className="h-2 w-24 accent-brand sm:w-40" aria-labelledby="progress-text" value={answered} max={entries.length} />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">
        {serverFiltered ? (
          <a href="?" className="text-blue-800 underline underline-offset-2">{t('showAll')}</a>
        ) : hydrated ? (
          <button type="button" aria-pressed={onlyUnanswered} onClick={toggle} className="button button-secondary button-small">
            {t('onlyUnanswered')}
          </button>
        ) : (
          <a href="?unanswered=1" className="text-blue-800 underline underline-offset-2">{t('onlyUnanswered')}</a>
        )}
        {(serverFiltered || onlyUnanswered) && (
          <p role="status" className="text-sm">
            {shown.length === 0 ? t('allAnswered') : t('shownUnanswered')}
          </p>
        )}
      </div>
      <div className="mt-4 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-6">
        <nav aria-labelledby="contents-heading" className="lg:sticky lg:top-14 lg:max-h-[calc(100vh-4rem)] lg:self-start lg:overflow-y-auto">
          <details open={contentsOpen ?? wide} onToggle={(event) => setContentsOpen(event.currentTarget.open)} className="accordion">
          <summary>
            <h2 id="contents-heading" className="inline text-lg font-semibold">{t('contents')}</h2>
          </summary>
          <ul className="flex flex-col px-3 pb-2 text-sm" data-contents>
            {sections.slice(0, 1).map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} className="block py-1 text-blue-800 underline underline-offset-2">{section.label}</a>
              </li>
            ))}
            {shown.map((entry) => {
              const state = stateOf(entry);
              return (
                <li key={entry.code} data-contents-entry={entry.code} data-state={state}>
                  <a href={`#${proposalAnchor(entry.code)}`} className="block py-1 text-blue-800 underline underline-offset-2">
                    <span className="font-mono">{entry.code}</span> {entry.title}
                  </a>
                  <span className={`block pb-1 text-xs ${state === 'conflict' ? 'font-semibold text-red-800' : state === 'unanswered' ? 'text-slate-700' : 'text-green-900'}`}>
                    {t(`answerStates.${state}`)}
                  </span>
                </li>
              );
            })}
            {sections.slice(1).map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} className="block py-1 text-blue-800 underline underline-offset-2">{section.label}</a>
              </li>
            ))}
          </ul>
          </details>
        </nav>
        <div className="min-w-0">{children}</div>
      </div>
    </OrientationContext.Provider>
  );
}
