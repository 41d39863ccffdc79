import { getTranslations } from 'next-intl/server';
import { downloadResponse } from '@/lib/download';
import { ForbiddenError } from '@/lib/server/actor';
import { readAttachment } from '@/lib/server/attachments';
import { currentActor } from '@/lib/server/session';

const plainText = (text: string, status: number) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves an attachment to those allowed to see it, always as a download, never rendered inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const attachment = await readAttachment(await currentActor(), (await params).id);
    if (!attachment) return plainText((await getTranslations('errors'))('attachmentMissing'), 404);
    return downloadResponse(attachment.bytes, attachment.fileName, 'application/pdf');
  } catch (error) {
    if (error instanceof ForbiddenError) return plainText((await getTranslations('errors'))('attachmentForbidden'), 403);
    throw error;
  }
}
