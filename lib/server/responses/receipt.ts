import 'server-only';
import { createTranslator } from 'next-intl';
import { formatCopenhagen } from '@/lib/deadline';
import da from '@/lib/i18n/messages/da.json';
import { renderReceiptPdf } from '@/lib/receipt-pdf';
import { db } from '@/lib/server/db';
import { mailText, memberAddresses, queueMail } from '@/lib/server/mail';
import { municipalityLetterhead } from '@/lib/server/municipality';
import type { freezeSubmission } from '@/lib/server/responses/submission';
import type { SubmissionSnapshot } from '@/lib/submission-snapshot';

// The receipt of a submission: its number, and the mail with a PDF copy to the organisation.

export function receiptNumber(submissionId: bigint): string {
  return `BH-${submissionId.toString().padStart(6, '0')}`;
}

const responseLabels = createTranslator({ locale: 'da', messages: da, namespace: 'responses' });

type FrozenSubmission = Awaited<ReturnType<typeof freezeSubmission>>;

/** Mails the receipt with a PDF copy to the organisation's members, after the submission committed. */
export async function deliverReceipt(
  organisationId: string,
  { submission, organisationName, consultationTitle }: { submission: FrozenSubmission; organisationName: string; consultationTitle: string },
): Promise<{ receiptNumber: string; version: number }> {
  const receipt = receiptNumber(submission.id);
  await sendReceipt(organisationId, { receipt, organisationName, consultationTitle, version: submission.version, submittedAt: submission.submittedAt, submitter: submission.submitter, snapshot: submission.snapshot }).catch(
    // The submission stands and its receipt shows on the page; a failed mail must not undo it.
    (error: unknown) => console.error('Receipt mail failed for', receipt, error),
  );
  return { receiptNumber: receipt, version: submission.version };
}

export interface ReceiptFacts {
  receipt: string;
  organisationName: string;
  consultationTitle: string;
  version: number;
  submittedAt: Date;
  submitter: string | null;
  snapshot: SubmissionSnapshot;
}

async function sendReceipt(organisationId: string, receipt: ReceiptFacts) {
  const submittedAt = formatCopenhagen(receipt.submittedAt, 'da');
  const pdf = await receiptPdf(receipt);
  const members = await db.membership.findMany({ where: { organisationId }, include: { user: { select: { email: true, erasedAt: true } } } });
  const subject = mailText('receiptSubject', { receipt: receipt.receipt });
  const text = mailText('receiptBody', { organisation: receipt.organisationName, consultation: receipt.consultationTitle, receipt: receipt.receipt, submittedAt, version: receipt.version });
  const attachments = [{ filename: `kvittering-${receipt.receipt}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' }];
  await queueMail(memberAddresses(members).map((to) => ({ to, subject, text, attachments })));
}

/** The receipt's PDF copy: the one the mail attaches and the receipt page downloads. */
export async function receiptPdf(receipt: ReceiptFacts): Promise<Uint8Array> {
  const t = responseLabels;
  const submittedAt = formatCopenhagen(receipt.submittedAt, 'da');
  return renderReceiptPdf({
    letterhead: await municipalityLetterhead(),
    receiptNumber: receipt.receipt,
    consultationTitle: receipt.consultationTitle,
    organisationName: receipt.organisationName,
    version: receipt.version,
    submittedAt,
    submittedBy: receipt.submitter ?? '',
    generalRemarks: receipt.snapshot.generalRemarks,
    publicationConsent: receipt.snapshot.publicationConsent,
    answers: receipt.snapshot.answers.map((a) => ({ code: a.code, title: a.title, stance: a.stance ? t(`stances.${a.stance}`) : null, comment: a.comment, confidential: a.confidential })),
    minorityStatements: receipt.snapshot.minorityStatements.map((m) => ({ author: m.author ?? '', text: m.text })),
    attachments: receipt.snapshot.attachments,
    labels: {
      title: t('receipt.title'),
      receiptNumber: t('receipt.receiptNumber'),
      organisation: t('receipt.organisation'),
      submitted: t('receipt.submitted'),
      submittedBy: t('receipt.submittedBy'),
      version: t('receipt.version'),
      generalRemarks: t('generalRemarks'),
      answers: t('receipt.answers'),
      confidential: t('receipt.confidential'),
      publication: t('receipt.publication'),
      publicationYes: t('receipt.publicationYes'),
      publicationNo: t('receipt.publicationNo'),
      minorityStatements: t('minorityStatements'),
      attachments: t('attachments'),
      none: t('receipt.none'),
      // The renderer fills in {page} and {pages} itself (formatted with them as their own values,
      // since the build precompiles the messages).
      page: t('receipt.page', { page: '{page}', pages: '{pages}' }),
    },
  });
}

