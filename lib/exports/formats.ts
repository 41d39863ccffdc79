/** The files a consultation exports: the høringsnotat as PDF and DOCX, every answer as XLSX and CSV. */
export const EXPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (value: unknown): value is ExportFormat => EXPORT_FORMATS.includes(value as ExportFormat);

/** How the høringsnotat groups a proposal's answers: by stance (the default) or by the budget office's themes. */
export const NOTE_GROUPINGS = ['stance', 'theme'] as const;
export type NoteGrouping = (typeof NOTE_GROUPINGS)[number];
export const isNoteGrouping = (value: unknown): value is NoteGrouping => NOTE_GROUPINGS.includes(value as NoteGrouping);

export const exportHref = (consultationId: string, format: ExportFormat, grouping: NoteGrouping = 'stance') =>
  `/api/consultations/${encodeURIComponent(consultationId)}/export?format=${format}${grouping === 'stance' ? '' : `&group=${grouping}`}`;
