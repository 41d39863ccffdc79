import 'server-only';
import { GENERAL_FIELD, type LiveEvent, type LiveNotice, type SavedField } from '@/lib/live-events';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { databaseEnv } from '@/lib/env';
import { LiveListener } from '@/lib/server/live/listener';
import { notifyLive } from '@/lib/server/live/notify';
import { displayName } from '@/lib/server/personal-data';
import { authorize, mayReadConsultation } from '@/lib/server/policy';
import { partyState, type ResponseKey } from '@/lib/server/responses/access';
import type { Stance } from '@/lib/generated/prisma/enums';

// The response form's live channel: who changed what, who is editing, and when it closes.

const HEARTBEAT_MS = 25_000;
const RECONNECT_MS = 3000;
// setTimeout's longest delay; a deadline further off is announced by the browser's own timer.
const MAX_TIMER_MS = 2 ** 31 - 1;

const state = globalThis as unknown as { liveListener?: LiveListener };

/** This instance's listener, opened on the first open form. */
export function liveListener(): LiveListener {
  state.liveListener ??= new LiveListener(databaseEnv().DATABASE_URL);
  return state.liveListener;
}

const organisationFacts = (key: ResponseKey) => ({ organisationId: key.organisationId, object: { type: 'Organisation' as const, id: key.organisationId } });

type Row = { code: string | null; version: number; text: string; stance: Stance | null; confidential: boolean; name: string | null; email: string | null; erasedAt: Date | null };

/** A field's saved state, in one indexed query; the stream has authorised its reader already. */
export async function readSavedField(key: ResponseKey, field: string): Promise<SavedField | null> {
  const [row] =
    field === GENERAL_FIELD
      ? await db.$queryRaw<Row[]>`
          SELECT NULL AS code, r."generalRemarksVersion" AS version, r."generalRemarks" AS text, NULL AS stance, false AS confidential, u.name, u.email, u."erasedAt"
          FROM "Response" r LEFT JOIN "User" u ON u.id = r."updatedById"
          WHERE r."consultationId" = ${key.consultationId} AND r."organisationId" = ${key.organisationId}`
      : await db.$queryRaw<Row[]>`
          SELECT p.code, a.version, a.comment AS text, a.stance::text AS stance, a.confidential, u.name, u.email, u."erasedAt"
          FROM "Answer" a JOIN "Response" r ON r.id = a."responseId" JOIN "Proposal" p ON p.id = a."proposalId" LEFT JOIN "User" u ON u.id = a."updatedById"
          WHERE r."consultationId" = ${key.consultationId} AND r."organisationId" = ${key.organisationId} AND a."proposalId" = ${field}`;
  if (!row) return null;
  const editedBy = row.email === null ? null : displayName({ name: row.name, email: row.email, erasedAt: row.erasedAt });
  return { field, code: row.code, version: row.version, editedBy, text: row.text, stance: row.stance, confidential: row.confidential };
}

const encoder = new TextEncoder();
const frame = ({ event, data }: LiveEvent) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * The event stream of one open form, for those who may read the response (members and staff):
 * others' saves with the saved state, others' editing, a submission or reopening, and the
 * deadline passing. A comment line every 25 s keeps proxies from closing it. Null when the
 * organisation is not consulted or the consultation is a draft. Ends when `signal` aborts.
 */
export async function openLiveStream(actor: Actor, key: ResponseKey, signal: AbortSignal): Promise<ReadableStream<Uint8Array> | null> {
  await authorize(actor, 'response.read', organisationFacts(key));
  const party = await partyState(key);
  // As the form itself: a party of a draft consultation learns of it when it opens.
  if (!party || !mayReadConsultation(actor, party.party.consultation)) return null;
  // Listening before the stream opens, so a change made once the browser sees it open is not missed.
  await liveListener().ready();
  const me = actor.kind === 'user' ? actor.userId : null;
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: LiveEvent) => {
        if (!signal.aborted) controller.enqueue(frame(event));
      };
      const onNotice = async (notice: LiveNotice) => {
        // A submission closes every open form, the submitter's other tabs too.
        if (notice.kind === 'submitted') return send({ event: notice.kind, data: { name: notice.name } });
        // A member's own saves, focus and reopening are already on their screen.
        if (notice.by === me) return;
        if (notice.kind === 'reopened') return send({ event: notice.kind, data: { name: notice.name } });
        if (notice.kind === 'editing') return send({ event: 'editing', data: { field: notice.field, editing: notice.editing, name: notice.name } });
        if (notice.kind !== 'saved') return;
        try {
          const saved = await readSavedField(key, notice.field);
          if (saved) send({ event: 'saved', data: saved });
        } catch (error) {
          console.error('Live updates: could not read a saved field:', error instanceof Error ? error.message : error);
        }
      };
      // Sent at once, so that the headers go out and the browser sees the stream open; it also
      // sets how soon a browser reconnects after the stream breaks.
      controller.enqueue(encoder.encode(`retry: ${RECONNECT_MS}\n\n`));
      const unsubscribe = liveListener().subscribe(key, (notice) => void onNotice(notice));
      const heartbeat = setInterval(() => !signal.aborted && controller.enqueue(encoder.encode(': ping\n\n')), HEARTBEAT_MS);
      const untilDeadline = party.deadline.getTime() - Date.now();
      const deadline = untilDeadline > 0 && untilDeadline < MAX_TIMER_MS ? setTimeout(() => send({ event: 'closed', data: {} }), untilDeadline) : undefined;
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(deadline);
      };
      signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
}

/** "Editing field X" (or no longer), to the other open forms of a member's organisation; nothing is stored. */
export async function announceEditing(actor: Actor, key: ResponseKey, field: string, editing: boolean): Promise<void> {
  await authorize(actor, 'response.edit', organisationFacts(key));
  if (actor.kind !== 'user') return;
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true, erasedAt: true } });
  await notifyLive(db, { kind: 'editing', ...key, field, editing, by: actor.userId, name: displayName(user) });
}
