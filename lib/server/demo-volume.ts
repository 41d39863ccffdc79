import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import type { SubmissionSnapshot } from '@/lib/submission-snapshot';
import { demoAnswer, subjectOf } from '@/lib/demo/comments';
import { seededRandom } from '@/lib/demo/random';
import type { OrganisationType } from '@/lib/generated/prisma/enums';

// Realistic volume for the demo, the e2e tests and the benchmarks: many consulted organisations
// of every kind, each with a submitted response to most proposals, its comments fitting each
// proposal's subject and the organisation (lib/demo/comments.ts). Deterministic for a given seed.

const NAMES: { type: OrganisationType; pattern: string; places: string[] }[] = [
  { type: 'MED_COMMITTEE', pattern: 'MED-udvalg, {place}', places: ['Skoleområdet', 'Dagtilbud', 'Ældreplejen', 'Teknik og Miljø', 'Jobcentret', 'Socialområdet', 'Kultur og Fritid', 'Sundhed og Forebyggelse', 'Borgerservice', 'Ejendomsdrift'] },
  { type: 'SCHOOL_BOARD', pattern: 'Skolebestyrelsen, {place} Skole', places: ['Hedehusene', 'Reerslev', 'Fløng', 'Torstorp', 'Charlotte', 'Mølleholm', 'Parkvej', 'Selsmose', 'Gadstrup', 'Borup'] },
  { type: 'DAYCARE_BOARD', pattern: 'Forældrebestyrelsen, Børnehuset {place}', places: ['Solsikken', 'Regnbuen', 'Mælkebøtten', 'Troldehøj', 'Kastanjen', 'Spiren', 'Stjernen', 'Skovbrynet', 'Møllen', 'Lærkereden'] },
  { type: 'SENIOR_COUNCIL', pattern: 'Bruger- og pårørenderådet, {place}', places: ['Plejecenter Fløng', 'Plejecenter Hedehusene', 'Bakkegården', 'Solgården', 'Lindegården'] },
  { type: 'DISABILITY_COUNCIL', pattern: 'Handicaporganisation, {place}', places: ['DH Høje-Taastrup', 'Ældre Sagen Lokalafdeling', 'Autismeforeningen Lokalt', 'Scleroseforeningen Lokalt'] },
  { type: 'INTEGRATION_COUNCIL', pattern: 'Integrationsforening, {place}', places: ['Gadehavegård', 'Charlottekvarteret', 'Tåstrupgård'] },
  { type: 'OTHER', pattern: '{place}', places: ['Lokalrådet i Sengeløse', 'Idrætssamvirket', 'Fritidsrådet', 'Erhvervsforeningen', 'Lærerkredsen', 'BUPL Storkøbenhavn', 'FOA Afdeling', 'Musikskolens venner'] },
];

const REMARKS = [
  'Vi har drøftet budgetforslagene på vores seneste møde og har følgende bemærkninger.',
  'Samlet set er vi bekymrede for de mange besparelser på velfærdsområderne.',
  'Vi anerkender det økonomiske pres, men beder byrådet prioritere de svageste borgere.',
  'Tak for muligheden for at afgive høringssvar.',
];

/** The organisation names of the volume, `count` of them, every type represented. */
export function volumeOrganisations(count: number, prefix = ''): { name: string; type: OrganisationType }[] {
  const all = NAMES.flatMap(({ type, pattern, places }) => places.map((place) => ({ type, base: pattern.replace('{place}', place) })));
  return Array.from({ length: count }, (_, i) => {
    const { type, base } = all[i % all.length]!;
    const round = Math.floor(i / all.length);
    return { type, name: `${prefix}${base}${round ? ` (${round + 1})` : ''}` };
  });
}

/**
 * Adds `organisations` consulted organisations to the consultation, each with a submitted response
 * that answers most proposals. Written in bulk; run once per consultation and prefix.
 */
export async function seedResponseVolume(actor: Actor, input: { consultationId: string; organisations: number; prefix?: string; seed?: number }) {
  await authorize(actor, 'demo.seed');
  const next = seededRandom(input.seed ?? 2026);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const consultation = await db.consultation.findUniqueOrThrow({ where: { id: input.consultationId } });
  const proposals = await db.proposal.findMany({ where: { budgetId: consultation.budgetId }, orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }], select: { id: true, code: true, title: true, summary: true, version: true } });
  const subjects = new Map(proposals.map((p) => [p.id, subjectOf(p)]));
  const wanted = volumeOrganisations(input.organisations, input.prefix);

  return db.$transaction(
    async (tx) => {
      await tx.organisation.createMany({ data: wanted, skipDuplicates: true });
      const organisations = await tx.organisation.findMany({ where: { name: { in: wanted.map((o) => o.name) } }, select: { id: true, type: true } });
      const key = (organisationId: string) => ({ consultationId: consultation.id, organisationId });
      await tx.consultationParty.createMany({ data: organisations.map((o) => key(o.id)), skipDuplicates: true });

      const drafts = organisations.map((o) => {
        const answers = proposals.flatMap((proposal) => {
          const answer = demoAnswer(subjects.get(proposal.id)!, o.type, next);
          return answer ? [{ proposal, ...answer, confidential: next() < 0.05 }] : [];
        });
        return { organisationId: o.id, generalRemarks: pick(REMARKS), publicationConsent: next() < 0.85, channel: next() < 0.1 ? ('LETTER' as const) : ('ONLINE' as const), answers };
      });
      await tx.response.createMany({
        data: drafts.map((d) => ({ ...key(d.organisationId), status: 'SUBMITTED', generalRemarks: d.generalRemarks, publicationConsent: d.publicationConsent, channel: d.channel })),
        skipDuplicates: true,
      });
      const responses = new Map((await tx.response.findMany({ where: { consultationId: consultation.id, organisationId: { in: organisations.map((o) => o.id) } }, select: { id: true, organisationId: true } })).map((r) => [r.organisationId, r.id]));
      await tx.answer.createMany({
        data: drafts.flatMap((d) =>
          d.answers.map((a) => ({ responseId: responses.get(d.organisationId)!, proposalId: a.proposal.id, stance: a.stance, comment: a.comment, confidential: a.confidential, version: 1, proposalVersion: a.proposal.version })),
        ),
        skipDuplicates: true,
      });
      await tx.submission.createMany({
        data: drafts.map((d) => {
          const snapshot: SubmissionSnapshot = {
            generalRemarks: d.generalRemarks,
            publicationConsent: d.publicationConsent,
            namesConsent: false,
            answers: d.answers.map((a) => ({ proposalId: a.proposal.id, code: a.proposal.code, title: a.proposal.title, stance: a.stance, comment: a.comment, confidential: a.confidential, version: 1, proposalVersion: a.proposal.version })),
            minorityStatements: [],
            attachments: [],
            submittedBy: null,
            channel: d.channel,
          };
          return { responseId: responses.get(d.organisationId)!, version: 1, snapshot };
        }),
        skipDuplicates: true,
      });
      return { organisations: organisations.length, answers: drafts.reduce((sum, d) => sum + d.answers.length, 0) };
    },
    { timeout: 120_000 },
  );
}
