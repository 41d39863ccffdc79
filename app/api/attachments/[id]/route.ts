import { ForbiddenError } from '@/lib/server/actor';
import { readAttachment } from '@/lib/server/attachments';
import { currentActor } from '@/lib/server/session';

/** Serves an attachment to those allowed to see it, always as a download, never rendered inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const attachment = await readAttachment(await currentActor(), (await params).id);
    if (!attachment) return new Response('Bilaget findes ikke.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const ascii = attachment.fileName.replace(/[^\x20-\x7e]/g, '_');
    return new Response(new Uint8Array(attachment.bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response('Du har ikke adgang til bilaget.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw error;
  }
}
