'use client';

import { useActionState, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { addNoteAction, confirmTagAction, markReadAction, tagAction, untagAction } from '@/app/staff/consultations/[id]/analysis/themes/actions';
import { StanceMark } from '@/components/insight/stance';
import { useHydrated } from '@/components/response/response-orientation';
import { idle, type FormState } from '@/lib/form-state';
import { TEXT_LIMITS } from '@/lib/limits';
import type { AnalysisAnswer, AnalysisTag } from '@/lib/server/analysis-view';
import { FormStatus, TextAreaField } from '../form-fields';

// The analysis view's answers for staff: each answer's texts with their theme tags (whole text
// or a selected passage), read mark and notes. Keyboard: j/k move between the answers, the
// digits 1–9 give the answer in focus the theme of that number (the selected passage, if any).
// Every form also works with the mouse and, for the whole text, without JavaScript.

export interface AnalysisTheme {
  id: string;
  name: string;
}

interface Context {
  consultationId: string;
  proposalId: string;
  themes: AnalysisTheme[];
}

type Target = 'ANSWER' | 'GENERAL_REMARKS' | 'MINORITY_STATEMENT';

const smallButton = 'button button-secondary button-small';

/** The selected text inside `element` and where it starts in the element's text; null for none. */
function selectionIn(element: HTMLElement): { passage: string; start: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = range.toString();
  const passage = raw.trim();
  return passage ? { passage, start: before.toString().length + (raw.length - raw.trimStart().length) } : null;
}

function HiddenKey({ context, responseId }: { context: Context; responseId: string }) {
  return (
    <>
      <input type="hidden" name="consultationId" value={context.consultationId} />
      <input type="hidden" name="proposalId" value={context.proposalId} />
      <input type="hidden" name="responseId" value={responseId} />
    </>
  );
}

/** One tag with its passage, a re-check mark, and buttons to keep (after a re-check) or remove it. */
function TagItem({ context, tag }: { context: Context; tag: AnalysisTag }) {
  const t = useTranslations('themes');
  const [untagState, untagForm, untagging] = useActionState<FormState, FormData>(untagAction, idle);
  const [confirmState, confirmForm, confirming] = useActionState<FormState, FormData>(confirmTagAction, idle);
  const name = context.themes.find((theme) => theme.id === tag.themeId)?.name ?? '';
  return (
    <li className="flex flex-wrap items-center gap-2" data-tag={name}>
      <span className="rounded bg-blue-100 px-1 font-medium text-blue-900">{name}</span>
      <span className="text-sm">{tag.passage === null ? t('wholeText') : <q className="italic">{tag.passage}</q>}</span>
      {tag.needsRecheck && <strong className="rounded bg-amber-100 px-1 text-sm text-amber-900">{t('needsRecheck')}</strong>}
      {tag.needsRecheck && (
        <form action={confirmForm}>
          <input type="hidden" name="consultationId" value={context.consultationId} />
          <input type="hidden" name="tagId" value={tag.id} />
          <button type="submit" disabled={confirming} className={smallButton} aria-label={t('confirmTagLabel', { name })}>{t('confirmTag')}</button>
        </form>
      )}
      <form action={untagForm}>
        <input type="hidden" name="consultationId" value={context.consultationId} />
        <input type="hidden" name="tagId" value={tag.id} />
        <button type="submit" disabled={untagging} className={smallButton} aria-label={t('untagLabel', { name })}>{t('untag')}</button>
      </form>
      <FormStatus state={untagState.status === 'error' ? untagState : confirmState.status === 'error' ? confirmState : idle} />
    </li>
  );
}

interface TaggableTextProps {
  context: Context;
  responseId: string;
  target: Target;
  minorityStatementId?: string | null;
  text: string;
  tags: AnalysisTag[];
  /** Names the text for the theme field's label, e.g. "Svar fra Ældrerådet". */
  label: string;
}

/** A submitted text with its tags and the form to tag it whole or the selected passage of it. */
function TaggableText({ context, responseId, target, minorityStatementId = null, text, tags, label }: TaggableTextProps) {
  const t = useTranslations('themes');
  const [state, action, pending] = useActionState<FormState, FormData>(tagAction, idle);
  const textRef = useRef<HTMLParagraphElement>(null);
  const passageRef = useRef<HTMLInputElement>(null);
  const startRef = useRef<HTMLInputElement>(null);
  // The last selection inside the text: pressing a button may collapse the live one.
  const lastSelection = useRef<{ passage: string; start: number } | null>(null);
  const scripted = useHydrated();
  useEffect(() => {
    const remember = () => {
      const element = textRef.current;
      const selection = window.getSelection();
      if (!element || !selection || selection.isCollapsed) return;
      lastSelection.current = selectionIn(element);
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);
  const fill = (passage: { passage: string; start: number } | null) => {
    passageRef.current!.value = passage?.passage ?? '';
    startRef.current!.value = passage ? String(passage.start) : '';
  };
  const fieldId = `theme-${target}-${responseId}-${minorityStatementId ?? ''}`;
  return (
    <div className="flex flex-col gap-2">
      <p ref={textRef} className="max-w-prose whitespace-pre-wrap" data-taggable={target}>{text}</p>
      {tags.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label={t('tags')}>
          {tags.map((tag) => <TagItem key={tag.id} context={context} tag={tag} />)}
        </ul>
      )}
      {context.themes.length > 0 && (
        <form action={action} className="flex flex-wrap items-end gap-2" data-tag-form={target}>
          <HiddenKey context={context} responseId={responseId} />
          <input type="hidden" name="target" value={target} />
          <input type="hidden" name="minorityStatementId" value={minorityStatementId ?? ''} />
          <input ref={passageRef} type="hidden" name="passage" defaultValue="" />
          <input ref={startRef} type="hidden" name="passageStart" defaultValue="" />
          <div className="flex flex-col">
            <label htmlFor={fieldId} className="text-sm font-medium">{t('theme')} <span className="sr-only">({label})</span></label>
            <select id={fieldId} name="themeId" className="form-select" defaultValue="">
              <option value="">{t('chooseTheme')}</option>
              {context.themes.map((theme, i) => (
                <option key={theme.id} value={theme.id}>{i < 9 ? t('shortcut', { number: i + 1, name: theme.name }) : theme.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={pending} className={smallButton} data-tag-whole onClick={() => fill(null)}>{t('tagWhole')}</button>
          {scripted && (
            <button type="submit" disabled={pending} className={smallButton} data-tag-selection aria-describedby={`${fieldId}-hint`} onClick={() => fill(selectionIn(textRef.current!) ?? lastSelection.current)}>
              {t('tagSelection')}
            </button>
          )}
          {scripted && <p id={`${fieldId}-hint`} className="w-full text-sm text-slate-700">{t('selectionHint')}</p>}
          <div className="w-full"><FormStatus state={state} /></div>
        </form>
      )}
    </div>
  );
}

function ReadForm({ context, answer }: { context: Context; answer: AnalysisAnswer }) {
  const t = useTranslations('themes');
  const [state, action, pending] = useActionState<FormState, FormData>(markReadAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <HiddenKey context={context} responseId={answer.responseId} />
      <input type="hidden" name="read" value={String(!answer.read)} />
      <button type="submit" disabled={pending} className={smallButton}>{answer.read ? t('markUnread') : t('markRead')}</button>
      <FormStatus state={state.status === 'error' ? state : idle} />
    </form>
  );
}

function NoteForm({ context, answer }: { context: Context; answer: AnalysisAnswer }) {
  const t = useTranslations('themes');
  const [state, action, pending] = useActionState<FormState, FormData>(addNoteAction, idle);
  return (
    <form action={action} className="flex max-w-prose flex-col gap-1">
      <HiddenKey context={context} responseId={answer.responseId} />
      {/* Keyed by the count: a saved note empties the field. */}
      <TextAreaField key={answer.notes.length} form={`note-${answer.responseId}`} name="text" label={t('noteField')} state={state} rows={2} maxLength={TEXT_LIMITS.answerNote} />
      <button type="submit" disabled={pending} className={`${smallButton} self-start`}>{t('addNote')}</button>
      <FormStatus state={state} />
    </form>
  );
}

const EDITABLE = 'input, textarea, select, [contenteditable="true"]';

/** The answers, with j/k and digit shortcuts on the list (not while typing in a field). */
export function AnalysisAnswers({ context, answers, dates }: { context: Context; answers: AnalysisAnswer[]; dates: Record<string, string> }) {
  const t = useTranslations('themes');
  const tRoot = useTranslations();
  const listRef = useRef<HTMLOListElement>(null);
  const articles = () => [...(listRef.current?.querySelectorAll<HTMLElement>('article[data-answer]') ?? [])];
  const move = (from: HTMLElement | null, step: number) => {
    const all = articles();
    const index = from ? all.indexOf(from) : -1;
    all[Math.min(all.length - 1, Math.max(0, index + step))]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest(EDITABLE)) return;
    const article = target.closest<HTMLElement>('article[data-answer]');
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      move(article, event.key === 'j' ? 1 : -1);
    } else if (/^[1-9]$/.test(event.key) && article) {
      const theme = context.themes[Number(event.key) - 1];
      const form = article.querySelector<HTMLFormElement>('form[data-tag-form="ANSWER"]');
      if (!theme || !form) return;
      event.preventDefault();
      (form.elements.namedItem('themeId') as HTMLSelectElement).value = theme.id;
      const comment = article.querySelector<HTMLElement>('[data-taggable="ANSWER"]');
      const selected = comment && selectionIn(comment);
      form.querySelector<HTMLButtonElement>(selected ? 'button[data-tag-selection]' : 'button[data-tag-whole]')?.click();
    }
  };
  if (answers.length === 0) return <p className="mt-4">{t('noAnswersShown')}</p>;
  return (
    // The list takes the shortcuts that its answers' buttons name (aria-keyshortcuts).
    <ol ref={listRef} className="mt-4 flex flex-col gap-6" onKeyDown={onKeyDown}>
      {answers.map((answer) => {
        const headingId = `answer-${answer.responseId}-heading`;
        const label = t('answerOf', { organisation: answer.organisation.name });
        const answerTags = answer.tags.filter((tag) => tag.target === 'ANSWER');
        const otherTags = answer.tags.filter((tag) => tag.target !== 'ANSWER');
        return (
          <li key={answer.responseId}>
            <article id={`answer-${answer.responseId}`} data-answer tabIndex={-1} aria-labelledby={headingId} className="rounded border border-slate-300 p-3 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-blue-800">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id={headingId} className="text-lg font-semibold">{label}</h2>
                <div className="flex gap-2">
                  <button type="button" className={smallButton} aria-keyshortcuts="k" onClick={(e) => move(e.currentTarget.closest('article'), -1)}>{t('previous')}</button>
                  <button type="button" className={smallButton} aria-keyshortcuts="j" onClick={(e) => move(e.currentTarget.closest('article'), 1)}>{t('next')}</button>
                </div>
              </div>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                <StanceMark stance={answer.stance} />
                <span>{tRoot(`orgTypes.${answer.organisation.type}`)}</span>
                {answer.statutory && <span className="rounded bg-slate-200 px-1">{t('statutory')}</span>}
                {answer.confidential && <span className="rounded bg-slate-200 px-1">{tRoot('consultations.confidential')}</span>}
                {answer.read && <span className="rounded bg-green-100 px-1 text-green-900">{t('read')}</span>}
              </p>
              <div className="mt-2">
                <TaggableText context={context} responseId={answer.responseId} target="ANSWER" text={answer.comment || tRoot('analysis.noComment')} tags={answerTags} label={label} />
              </div>
              {(answer.generalRemarks || answer.minorityStatements.length > 0) && (
                <details className="mt-3" open={otherTags.length > 0}>
                  <summary className="cursor-pointer font-medium text-blue-800 underline">{t('otherTexts')}</summary>
                  <div className="mt-2 flex flex-col gap-4">
                    {answer.generalRemarks && (
                      <section>
                        <h3 className="font-semibold">{t('generalRemarks')}</h3>
                        <TaggableText context={context} responseId={answer.responseId} target="GENERAL_REMARKS" text={answer.generalRemarks} tags={otherTags.filter((tag) => tag.target === 'GENERAL_REMARKS')} label={`${label}: ${t('generalRemarks')}`} />
                      </section>
                    )}
                    {answer.minorityStatements.map((statement, i) =>
                      statement.id ? (
                        <section key={statement.id}>
                          <h3 className="font-semibold">{statement.author ? t('minorityStatementBy', { author: statement.author }) : t('minorityStatement')}</h3>
                          <TaggableText
                            context={context}
                            responseId={answer.responseId}
                            target="MINORITY_STATEMENT"
                            minorityStatementId={statement.id}
                            text={statement.text}
                            tags={otherTags.filter((tag) => tag.minorityStatementId === statement.id)}
                            label={`${label}: ${t('minorityStatement')} ${i + 1}`}
                          />
                        </section>
                      ) : null,
                    )}
                  </div>
                </details>
              )}
              <div className="mt-3 flex flex-col gap-2">
                <ReadForm context={context} answer={answer} />
                <section aria-labelledby={`${headingId}-notes`}>
                  <h3 id={`${headingId}-notes`} className="font-semibold">{t('notes')}</h3>
                  {answer.notes.length > 0 && (
                    <ul className="mb-2 flex flex-col gap-1">
                      {answer.notes.map((note) => (
                        <li key={note.id} className="text-sm">
                          <span className="whitespace-pre-wrap">{note.text}</span> <span className="text-slate-700">({t('noteLine', { author: note.author ?? tRoot('analysis.unknownAuthor'), date: dates[note.id] ?? '' })})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <NoteForm context={context} answer={answer} />
                </section>
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
