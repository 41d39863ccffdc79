import type { Stance } from '@/lib/generated/prisma/enums';

// What the response form's live channel carries, from PostgreSQL's NOTIFY to the browser.

/** The general remarks, or a proposal's answer by the proposal's id. */
export const GENERAL_FIELD = 'general';

/** A NOTIFY payload: ids, version and the editor's name only (never a comment: NOTIFY takes < 8000 bytes). */
export type LiveNotice =
  | { kind: 'saved'; consultationId: string; organisationId: string; field: string; version: number; by: string | null; name: string | null }
  | { kind: 'submitted' | 'reopened'; consultationId: string; organisationId: string; by: string | null; name: string | null }
  | { kind: 'editing'; consultationId: string; organisationId: string; field: string; editing: boolean; by: string | null; name: string | null };

/** A field's saved state as the stream sends it after a `saved` notice, read from the database. */
export interface SavedField {
  field: string;
  /** The proposal's code, or null for the general remarks. */
  code: string | null;
  version: number;
  editedBy: string | null;
  text: string;
  stance: Stance | null;
  confidential: boolean;
}

/** The events of the stream (`event:` name and its JSON `data:`). */
export type LiveEvent =
  | { event: 'saved'; data: SavedField }
  | { event: 'submitted' | 'reopened'; data: { name: string | null } }
  | { event: 'closed'; data: Record<string, never> }
  | { event: 'editing'; data: { field: string; editing: boolean; name: string | null } };
