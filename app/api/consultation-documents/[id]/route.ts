import { readConsultationDocument } from '@/lib/server/consultation-documents';
import { servePdf } from '@/lib/server/download';
import { currentActor } from '@/lib/server/session';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return servePdf(async () => readConsultationDocument(await currentActor(), id));
}
