/** The files a consultation exports: the høringsnotat as PDF and DOCX, every answer as XLSX and CSV. */
export const EXPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (value: unknown): value is ExportFormat => EXPORT_FORMATS.includes(value as ExportFormat);

export const exportHref = (consultationId: string, format: ExportFormat) => `/api/consultations/${encodeURIComponent(consultationId)}/export?format=${format}`;
