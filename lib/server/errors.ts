import 'server-only';
import type { MessageParams } from '@/lib/form-state';
import type { MessageKey } from '@/lib/i18n/keys';
import type { LogoProblem } from '@/lib/logo';
import type { PdfRefusal } from '@/lib/server/pdf-inspection';

/**
 * Every refusal the domain layer explains to the user; each has a message (MESSAGE_KEYS below).
 * A budget document's or spreadsheet's problems are not refusals but a parser's findings, each with
 * its row or page: they stay BudgetDocumentError and SpreadsheetError, listed by the import form.
 */
export type DomainErrorCode =
  | 'forbidden'
  | 'rateLimited'
  | 'demo.refused'
  | 'organisation.duplicate'
  | 'committee.duplicate'
  | 'invitation.unknownOrganisation'
  | 'invitation.notFound'
  | 'invitation.expired'
  | 'invitation.used'
  | 'proposal.moveConflict'
  | 'proposal.wrongBudget'
  | 'proposal.versionConflict'
  | 'proposal.yearOutsideBudget'
  | 'remark.unknownProposal'
  | 'summary.versionConflict'
  | 'theme.notFound'
  | 'theme.duplicate'
  | 'theme.notSubmitted'
  | 'theme.unknownTarget'
  | 'theme.passageNotFound'
  | 'analysis.notStaff'
  | 'results.alreadyPublished'
  | 'consultation.wrongPhase'
  | 'consultation.deadlineInPast'
  | 'consultation.noParties'
  | 'consultation.deadlineNotPassed'
  | 'consultation.partyHasResponse'
  | 'consultation.proposalOfOtherBudget'
  | 'consultation.submitted'
  | 'consultation.namesNotReviewed'
  | 'consultation.publicationChanged'
  | 'response.notConsulted'
  | 'response.notOpen'
  | 'response.deadlinePassed'
  | 'response.submitted'
  | 'response.notSubmitted'
  | 'moderation.notSubmitted'
  | 'moderation.unknownTarget'
  | 'moderation.passageNotFound'
  | 'nameReview.notSubmitted'
  | 'nameReview.notNeeded'
  | 'nameReview.unknownTarget'
  | 'nameReview.passageNotMarked'
  | 'nameReview.passagesPending'
  | 'mail.notFailed'
  | 'budgetImport.draftNotFound'
  | 'budgetImport.documentChanged'
  | 'budgetImport.imported'
  | 'budgetImport.rowsUnread'
  | 'budgetImport.unknownRow'
  | 'budgetImport.duplicateCode'
  | `logo.${LogoProblem}`
  | 'pdf.noFile'
  | 'pdf.tooLarge'
  | `pdf.${PdfRefusal}`;

/** The part of a code before its dot: a form can show a whole group at one field (see formAction). */
export type DomainErrorGroup = DomainErrorCode extends infer Code ? (Code extends `${infer Group}.${string}` ? Group : never) : never;

/**
 * The digest Next.js's `forbidden()` throws (experimental.authInterrupts): a page that lets a
 * 'forbidden' refusal through answers 403 with app/forbidden.tsx rather than as a server error,
 * and Next.js does not log it as one.
 */
export const FORBIDDEN_DIGEST = 'NEXT_HTTP_ERROR_FALLBACK;403';

/**
 * A refusal by the domain layer. Forms show its code's message; route handlers answer with their
 * own status. `detail` is for the log only (which action, which SVG element), never for the page.
 */
export class DomainError extends Error {
  readonly digest?: string;
  readonly params?: MessageParams;

  constructor(
    readonly code: DomainErrorCode,
    options: { params?: MessageParams; detail?: string } = {},
  ) {
    super(options.detail ? `${code}: ${options.detail}` : code);
    this.name = 'DomainError';
    if (options.params) this.params = options.params;
    if (code === 'forbidden') this.digest = FORBIDDEN_DIGEST;
  }
}

export const isDomainError = (error: unknown, code?: DomainErrorCode): error is DomainError => error instanceof DomainError && (code === undefined || error.code === code);

/** The message of each refusal; the compiler checks both that every code has one and that the key exists. */
export const MESSAGE_KEYS = {
  forbidden: 'forms.forbidden',
  rateLimited: 'forms.tooManyRequests',
  'demo.refused': 'auth.errorAccessDenied',
  'organisation.duplicate': 'staff.duplicateOrganisation',
  'committee.duplicate': 'staff.duplicateCommittee',
  'invitation.unknownOrganisation': 'staff.unknownOrganisation',
  'invitation.notFound': 'invitation.notFound',
  'invitation.expired': 'invitation.expired',
  'invitation.used': 'invitation.used',
  'proposal.moveConflict': 'staff.moves.conflict',
  'proposal.wrongBudget': 'staff.moves.wrongBudget',
  'proposal.versionConflict': 'proposalVersions.conflict',
  'proposal.yearOutsideBudget': 'proposalVersions.yearOutsideBudget',
  'remark.unknownProposal': 'exports.errors.unknownProposal',
  'summary.versionConflict': 'analysis.errors.versionConflict',
  'theme.notFound': 'themes.errors.notFound',
  'theme.duplicate': 'themes.errors.duplicate',
  'theme.notSubmitted': 'themes.errors.notSubmitted',
  'theme.unknownTarget': 'themes.errors.unknownTarget',
  'theme.passageNotFound': 'themes.errors.passageNotFound',
  'analysis.notStaff': 'analysisProgress.errors.notStaff',
  'results.alreadyPublished': 'analysis.errors.alreadyPublished',
  'consultation.wrongPhase': 'consultations.errors.wrongPhase',
  'consultation.deadlineInPast': 'consultations.errors.deadlineInPast',
  'consultation.noParties': 'consultations.errors.noParties',
  'consultation.deadlineNotPassed': 'consultations.errors.deadlineNotPassed',
  'consultation.partyHasResponse': 'consultations.errors.partyHasResponse',
  'consultation.proposalOfOtherBudget': 'consultations.errors.proposalOfOtherBudget',
  'consultation.submitted': 'consultations.errors.submitted',
  'consultation.namesNotReviewed': 'consultations.errors.namesNotReviewed',
  'consultation.publicationChanged': 'consultations.errors.publicationChanged',
  'response.notConsulted': 'responses.errors.notConsulted',
  'response.notOpen': 'responses.errors.notOpen',
  'response.deadlinePassed': 'responses.errors.deadlinePassed',
  'response.submitted': 'responses.errors.submitted',
  'response.notSubmitted': 'responses.errors.notSubmitted',
  'moderation.notSubmitted': 'consultations.errors.notSubmitted',
  'moderation.unknownTarget': 'consultations.errors.unknownTarget',
  'moderation.passageNotFound': 'consultations.errors.passageNotFound',
  'nameReview.notSubmitted': 'consultations.errors.notSubmitted',
  'nameReview.notNeeded': 'nameReview.errors.notNeeded',
  'nameReview.unknownTarget': 'consultations.errors.unknownTarget',
  'nameReview.passageNotMarked': 'nameReview.errors.passageNotMarked',
  'nameReview.passagesPending': 'nameReview.errors.passagesPending',
  'mail.notFailed': 'staff.mail.notFailed',
  'budgetImport.draftNotFound': 'staff.import.errors.draftNotFound',
  'budgetImport.documentChanged': 'staff.import.errors.documentChanged',
  'budgetImport.imported': 'staff.import.errors.imported',
  'budgetImport.rowsUnread': 'staff.import.errors.rowsUnread',
  'budgetImport.unknownRow': 'staff.import.errors.unknownRow',
  'budgetImport.duplicateCode': 'staff.import.errors.duplicateCode',
  'logo.empty': 'settings.errors.logoInvalid',
  'logo.tooLarge': 'settings.errors.logoTooLarge',
  'logo.notImage': 'settings.errors.logoType',
  'logo.badDimensions': 'settings.errors.logoDimensions',
  'logo.invalidSvg': 'settings.errors.logoInvalid',
  'logo.unsafeSvg': 'settings.errors.logoUnsafe',
  'pdf.noFile': 'responses.noFile',
  'pdf.tooLarge': 'responses.tooLarge',
  'pdf.notPdf': 'responses.notPdf',
  'pdf.pdfDamaged': 'responses.pdfDamaged',
  'pdf.pdfEncrypted': 'responses.pdfEncrypted',
  'pdf.pdfJavaScript': 'responses.pdfJavaScript',
  'pdf.pdfLaunch': 'responses.pdfLaunch',
  'pdf.pdfEmbeddedFile': 'responses.pdfEmbeddedFile',
} as const satisfies Record<DomainErrorCode, MessageKey>;

/**
 * Every message a form may show whatever its namespace: each refusal's, and the shared schemas' own
 * (lib/form-schemas.ts). A page with forms hands them to its client components (app/client-messages.tsx).
 */
export const FORM_MESSAGE_KEYS: readonly string[] = [...new Set<string>([...Object.values(MESSAGE_KEYS), 'staff.invalidTime'])];
