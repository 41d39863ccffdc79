import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { addAnswerNote, analysisView, markAnswerRead, proposalThemeCounts } from '@/lib/server/analysis-view';
import { db } from '@/lib/server/db';
import type { ResponseKey } from '@/lib/server/responses/access';
import { saveAnswer } from '@/lib/server/responses/drafts';
import { reopenResponse, submitResponse } from '@/lib/server/responses/submission';
import { confirmSuggestions, confirmTag, deleteTheme, dismissSuggestions, listThemes, saveTheme, tagText, themeSuggestions, untag } from '@/lib/server/themes';

afterAll(() => db.$disconnect());

const suffix = () => randomUUID().slice(0, 8);

async function person(role: 'STAFF' | 'POLITICIAN' | 'PARTY_MEMBER', organisationId?: string): Promise<Actor> {
  const user = await db.user.create({ data: { email: `themes-${randomUUID()}@example.test`, name: 'Analytiker', role } });
  if (organisationId) await db.membership.create({ data: { userId: user.id, organisationId, role: 'SUBMITTER' } });
  return { kind: 'user', userId: user.id, role };
}

/** An open consultation over one proposal; `organisations` parties, each with a submitter. */
async function world(organisations: number) {
  const s = suffix();
  const budget = await db.budget.create({ data: { name: `Temaer ${s}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Liste', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
  const proposal = await db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'SU', code: 'SU01', title: 'Lukning af plejehjem', summary: 'Resumé', position: 0 } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${s}`, status: 'OPEN', deadline: new Date(Date.now() + 86_400_000) } });
  const parties = [];
  for (let i = 0; i < organisations; i++) {
    const organisation = await db.organisation.create({ data: { name: `Råd ${i} ${s}`, type: i === 0 ? 'SENIOR_COUNCIL' : 'OTHER' } });
    await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
    const key: ResponseKey = { consultationId: consultation.id, organisationId: organisation.id };
    parties.push({ key, organisation, submitter: await person('PARTY_MEMBER', organisation.id) });
  }
  const staff = await person('STAFF');
  const theme = (name: string, keywords: string[] = []) => saveTheme(staff, { consultationId: consultation.id, name: `${name} ${s}`, description: '', keywords });
  return { consultation, proposal, parties, staff, politician: await person('POLITICIAN'), theme };
}

/** Answers the proposal and submits; `version` is the answer's current version (0 for a new one). */
async function answerAndSubmit(party: { key: ResponseKey; submitter: Actor }, proposalId: string, stance: 'SUPPORT' | 'OPPOSE' | 'REMARKS', comment: string, version: number) {
  await saveAnswer(party.submitter, party.key, { proposalId, stance, comment, confidential: false, expectedVersion: version });
  await submitResponse(party.submitter, party.key);
}

const responseIdOf = async (key: ResponseKey) => (await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key } })).id;

describe('a tag follows its response through reopening and resubmission', () => {
  it('keeps tags on unchanged text, moves a passage that moved, and flags the rest for re-check', async () => {
    const w = await world(1);
    const party = w.parties[0]!;
    const passage = 'Ventetiden på plejehjem bliver for lang.';
    const first = `Vi er imod. ${passage} Det rammer de ældre.`;
    await answerAndSubmit(party, w.proposal.id, 'OPPOSE', first, 0);
    const responseId = await responseIdOf(party.key);
    const [elderly, waiting] = [await w.theme('Ældre'), await w.theme('Ventetid')];
    const key = { consultationId: w.consultation.id, responseId, target: 'ANSWER' as const, proposalId: w.proposal.id, minorityStatementId: null };
    const passageTag = await tagText(w.staff, { ...key, themeId: waiting, passage, passageStart: first.indexOf(passage) });
    const wholeTag = await tagText(w.staff, { ...key, themeId: elderly, passage: null, passageStart: null });
    const tag = (id: string) => db.themeTag.findUniqueOrThrow({ where: { id } });

    // Reopened and submitted again with the same text: both tags stay, now on version 2.
    await reopenResponse(party.submitter, party.key);
    // Tagging waits until the response is submitted again.
    await expect(tagText(w.staff, { ...key, themeId: elderly, passage: null, passageStart: null })).rejects.toMatchObject({ code: 'theme.notSubmitted' });
    await submitResponse(party.submitter, party.key);
    expect(await tag(passageTag.id)).toMatchObject({ passage, passageStart: first.indexOf(passage), needsRecheck: false, submissionVersion: 2 });
    expect(await tag(wholeTag.id)).toMatchObject({ passage: null, needsRecheck: false, submissionVersion: 2 });

    // A sentence added before the passage: the passage moves, the whole-text tag must be checked.
    const second = `Indledning fra rådet. ${first}`;
    await reopenResponse(party.submitter, party.key);
    await answerAndSubmit(party, w.proposal.id, 'OPPOSE', second, 1);
    expect(await tag(passageTag.id)).toMatchObject({ passage, passageStart: second.indexOf(passage), needsRecheck: false, submissionVersion: 3 });
    expect(await tag(wholeTag.id)).toMatchObject({ needsRecheck: true, submissionVersion: 2 });

    // The passage rewritten: flagged, its old text kept for staff to see.
    const third = 'Vi er imod. Ventetiden bliver uacceptabel.';
    await reopenResponse(party.submitter, party.key);
    await answerAndSubmit(party, w.proposal.id, 'OPPOSE', third, 2);
    expect(await tag(passageTag.id)).toMatchObject({ passage, needsRecheck: true, submissionVersion: 3 });

    // Staff keep both: the vanished passage becomes a tag on the whole answer.
    await confirmTag(w.staff, { consultationId: w.consultation.id, tagId: passageTag.id });
    await confirmTag(w.staff, { consultationId: w.consultation.id, tagId: wholeTag.id });
    expect(await tag(passageTag.id)).toMatchObject({ passage: null, passageStart: null, needsRecheck: false, submissionVersion: 4 });
    expect(await tag(wholeTag.id)).toMatchObject({ needsRecheck: false, submissionVersion: 4 });
    const audited = await db.auditEvent.findMany({ where: { objectId: { in: [passageTag.id, wholeTag.id] } }, select: { action: true } });
    expect(audited.map((e) => e.action).sort()).toEqual(['theme.tag', 'theme.tag', 'theme.tag.confirm', 'theme.tag.confirm']);
  });

  it('refuses a passage that is not in the text', async () => {
    const w = await world(1);
    const party = w.parties[0]!;
    await answerAndSubmit(party, w.proposal.id, 'SUPPORT', 'Et godt forslag.', 0);
    const themeId = await w.theme('Ros');
    const input = { consultationId: w.consultation.id, themeId, responseId: await responseIdOf(party.key), target: 'ANSWER' as const, proposalId: w.proposal.id, minorityStatementId: null };
    await expect(tagText(w.staff, { ...input, passage: 'Et dårligt forslag.', passageStart: 0 })).rejects.toMatchObject({ code: 'theme.passageNotFound' });
    // A start the browser got wrong is mended from the text.
    const tag = await tagText(w.staff, { ...input, passage: 'godt forslag', passageStart: 0 });
    expect(await db.themeTag.findUniqueOrThrow({ where: { id: tag.id } })).toMatchObject({ passageStart: 3 });
  });
});

describe('counts per theme and stance', () => {
  it('match the tags after any sequence of tagging and untagging', async () => {
    const w = await world(4);
    const stances = ['SUPPORT', 'OPPOSE', 'REMARKS', 'OPPOSE'] as const;
    const comment = 'Plejehjemmet lukker. Ventetiden stiger.';
    for (const [i, party] of w.parties.entries()) await answerAndSubmit(party, w.proposal.id, stances[i]!, comment, 0);
    const responseIds = await Promise.all(w.parties.map((p) => responseIdOf(p.key)));
    const themeIds = [await w.theme('A'), await w.theme('B')];
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('tag' as const), theme: fc.nat(1), answer: fc.nat(3), passage: fc.boolean() }),
      fc.record({ kind: fc.constant('untag' as const), pick: fc.nat(20) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 12 }), async (operations) => {
        await db.themeTag.deleteMany({ where: { themeId: { in: themeIds } } });
        for (const op of operations) {
          if (op.kind === 'tag') {
            const passage = op.passage ? 'Ventetiden stiger.' : null;
            await tagText(w.staff, { consultationId: w.consultation.id, themeId: themeIds[op.theme]!, responseId: responseIds[op.answer]!, target: 'ANSWER', proposalId: w.proposal.id, minorityStatementId: null, passage, passageStart: passage && comment.indexOf(passage) });
          } else {
            const tags = await db.themeTag.findMany({ where: { themeId: { in: themeIds } }, orderBy: { id: 'asc' } });
            if (tags.length) await untag(w.staff, { consultationId: w.consultation.id, tagId: tags[op.pick % tags.length]!.id });
          }
        }
        // The model: the answers left with a tag of the theme, counted by their stance.
        const tags = await db.themeTag.findMany({ where: { themeId: { in: themeIds } } });
        const expected = themeIds.map((themeId) => {
          const tagged = new Set(tags.filter((t) => t.themeId === themeId).map((t) => responseIds.indexOf(t.responseId)));
          const counts = { SUPPORT: 0, OPPOSE: 0, REMARKS: 0, NO_REMARKS: 0, NONE: 0 };
          for (const i of tagged) counts[stances[i]!]++;
          return { themeId, counts, total: tagged.size };
        });
        const view = await analysisView(w.staff, w.consultation.id, w.proposal.id);
        expect(view!.counts).toEqual(expected);
        const forPoliticians = await proposalThemeCounts(w.politician, w.consultation.id, w.proposal.id);
        expect(forPoliticians.map(({ id, counts, total }) => ({ themeId: id, counts, total }))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});

describe('the analysis view', () => {
  it('filters by stance, statutory body, theme, untagged and unread, per analyst', async () => {
    const w = await world(3);
    const stances = ['OPPOSE', 'SUPPORT', 'OPPOSE'] as const;
    for (const [i, party] of w.parties.entries()) await answerAndSubmit(party, w.proposal.id, stances[i]!, `Svar nummer ${i}.`, 0);
    const responseIds = await Promise.all(w.parties.map((p) => responseIdOf(p.key)));
    const themeId = await w.theme('Økonomi');
    const key = (i: number) => ({ consultationId: w.consultation.id, proposalId: w.proposal.id, responseId: responseIds[i]! });
    await tagText(w.staff, { ...key(1), themeId, target: 'ANSWER', minorityStatementId: null, passage: null, passageStart: null });
    await markAnswerRead(w.staff, { ...key(2), read: true });
    await addAnswerNote(w.staff, { ...key(0), text: 'Ring til rådet.' });
    const ids = async (filters: Parameters<typeof analysisView>[3], actor = w.staff) => (await analysisView(actor, w.consultation.id, w.proposal.id, filters))!.answers.map((a) => responseIds.indexOf(a.responseId)).sort();
    expect(await ids({ stance: 'OPPOSE' })).toEqual([0, 2]);
    expect(await ids({ statutory: true })).toEqual([0]);
    expect(await ids({ theme: themeId })).toEqual([1]);
    expect(await ids({ theme: 'none' })).toEqual([0, 2]);
    expect(await ids({ unread: true })).toEqual([0, 1]);
    // Another analyst has read nothing.
    expect(await ids({ unread: true }, await person('STAFF'))).toEqual([0, 1, 2]);
    const view = (await analysisView(w.staff, w.consultation.id, w.proposal.id))!;
    expect(view.answers.find((a) => a.responseId === responseIds[0])!.notes.map((n) => n.text)).toEqual(['Ring til rådet.']);
  });
});

describe('suggested tags', () => {
  it('finds inflected keywords, skips answers already tagged or dismissed, and tags only what staff confirm', async () => {
    const w = await world(5);
    const texts = [
      'Brugerbetalingen stiger for mange familier.',
      'Plejehjemmene får færre hænder.',
      'Forældre bliver ramt af lukningen.',
      'Brugerbetalinger bør ikke hæves.',
      'Vi har ingen bemærkninger.',
    ];
    for (const [i, party] of w.parties.entries()) await answerAndSubmit(party, w.proposal.id, 'OPPOSE', texts[i]!, 0);
    const responseIds = await Promise.all(w.parties.map((p) => responseIdOf(p.key)));
    const themeId = await w.theme('Økonomi', ['brugerbetaling', 'plejehjem', 'ældre']);
    const input = { consultationId: w.consultation.id, themeId };
    const suggested = async () => (await themeSuggestions(w.staff, input)).map((s) => responseIds.indexOf(s.responseId)).sort();
    // "ældre" does not suggest "Forældre"; no text is tagged by the suggestion.
    expect(await suggested()).toEqual([0, 1, 3]);
    expect(await db.themeTag.count({ where: { themeId } })).toBe(0);

    expect(await confirmSuggestions(w.staff, { ...input, items: [{ responseId: responseIds[0]!, proposalId: w.proposal.id }] })).toBe(1);
    expect(await dismissSuggestions(w.staff, { ...input, items: [{ responseId: responseIds[3]!, proposalId: w.proposal.id }] })).toBe(1);
    expect(await suggested()).toEqual([1]);
    expect(await db.themeTag.findMany({ where: { themeId }, select: { responseId: true, passage: true, target: true } })).toEqual([{ responseId: responseIds[0], passage: null, target: 'ANSWER' }]);
  });
});

describe('who may', () => {
  it('lets politicians read themes and counts but change nothing; members and the public nothing', async () => {
    const w = await world(1);
    const party = w.parties[0]!;
    await answerAndSubmit(party, w.proposal.id, 'SUPPORT', 'Godt.', 0);
    const themeId = await w.theme('Læst');
    const tag = { consultationId: w.consultation.id, themeId, responseId: await responseIdOf(party.key), target: 'ANSWER' as const, proposalId: w.proposal.id, minorityStatementId: null, passage: null, passageStart: null };
    expect((await listThemes(w.politician, w.consultation.id))!.themes.map((t) => t.id)).toEqual([themeId]);
    for (const actor of [w.politician, party.submitter, { kind: 'anonymous' } as Actor]) {
      await expect(tagText(actor, tag)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(saveTheme(actor, { consultationId: w.consultation.id, name: 'X', description: '', keywords: [] })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(deleteTheme(actor, { consultationId: w.consultation.id, themeId })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(analysisView(actor, w.consultation.id, w.proposal.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(themeSuggestions(actor, { consultationId: w.consultation.id, themeId })).rejects.toMatchObject({ code: 'forbidden' });
    }
    for (const actor of [party.submitter, { kind: 'anonymous' } as Actor]) {
      await expect(listThemes(actor, w.consultation.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(proposalThemeCounts(actor, w.consultation.id, w.proposal.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    // A theme's name is used once per consultation.
    await expect(saveTheme(w.staff, { consultationId: w.consultation.id, name: (await db.theme.findUniqueOrThrow({ where: { id: themeId } })).name, description: '', keywords: [] })).rejects.toMatchObject({ code: 'theme.duplicate' });
  });
});
