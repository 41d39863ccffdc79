// The upload limits, in one place. Plain JavaScript, because next.config.js reads them too (the
// server action and proxy body limits); the upload checks and the messages ("at most 10 MB")
// read them from here as well.

const MEGABYTE = 1024 * 1024;

/** A PDF (attachment, consultation document, registered original) of this many MB is accepted; one byte more is not. */
export const MAX_PDF_MEGABYTES = 10;
export const MAX_PDF_BYTES = MAX_PDF_MEGABYTES * MEGABYTE;

/** A spreadsheet for the budget import. */
export const MAX_SPREADSHEET_MEGABYTES = 5;
export const MAX_SPREADSHEET_BYTES = MAX_SPREADSHEET_MEGABYTES * MEGABYTE;

/**
 * The largest request body a form may send: the largest file plus room for the multipart envelope
 * and the other fields (a registered response carries a comment per proposal). Requests up to this
 * size reach the action whole, so that a file just over its limit is refused with a message of
 * the app's own, not cut off by the proxy or the server action's body limit.
 */
export const MAX_REQUEST_BYTES = MAX_PDF_BYTES + 2 * MEGABYTE;

/** The limits as the messages name them: `{pdfMegabytes}`, `{spreadsheetMegabytes}`. */
export const LIMIT_MESSAGE_VALUES = { pdfMegabytes: MAX_PDF_MEGABYTES, spreadsheetMegabytes: MAX_SPREADSHEET_MEGABYTES };
