import { readConsultationDocument } from '@/lib/server/consultation-documents';
import { recordId } from '@/lib/record-id';
import { servePdf } from '@/lib/server/download';
import { currentActor } from '@/lib/server/session';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // An id that can name no record is answered as a missing file.
  return servePdf(async () => (recordId.safeParse(id).success ? readConsultationDocument(await currentActor(), id) : null));
}
