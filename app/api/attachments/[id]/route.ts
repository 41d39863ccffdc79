import { readAttachment } from '@/lib/server/attachments';
import { servePdf } from '@/lib/server/download';
import { currentActor } from '@/lib/server/session';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return servePdf(async () => readAttachment(await currentActor(), id));
}
