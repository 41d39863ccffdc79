import { recordId } from '@/lib/record-id';
import { openLiveStream } from '@/lib/server/live/stream';
import { currentActor } from '@/lib/server/session';

type Params = { consultationId: string; organisationId: string };

/** The open response form's live updates, as Server-Sent Events (lib/server/live/stream.ts). */
export async function GET(request: Request, { params }: { params: Promise<Params> }) {
  const { consultationId, organisationId } = await params;
  if (!recordId.safeParse(consultationId).success || !recordId.safeParse(organisationId).success) return new Response(null, { status: 404 });
  let stream;
  try {
    stream = await openLiveStream(await currentActor(), { consultationId, organisationId }, request.signal);
  } catch {
    // Refused (or the database is away): the form works on without live updates.
    return new Response(null, { status: 403 });
  }
  if (!stream) return new Response(null, { status: 404 });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' } });
}
