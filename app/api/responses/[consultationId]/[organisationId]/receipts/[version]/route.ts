import { recordId } from '@/lib/record-id';
import { servePdf } from '@/lib/server/download';
import { getReceiptPdf } from '@/lib/server/receipts';
import { currentActor } from '@/lib/server/session';

type Params = { consultationId: string; organisationId: string; version: string };

/** The receipt's PDF copy, as the receipt mail attaches it, for the organisation's members and staff. */
export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const { consultationId, organisationId, version } = await params;
  // Ids that can name no record, or a version that is no number, are answered as a missing file.
  const valid = recordId.safeParse(consultationId).success && recordId.safeParse(organisationId).success && /^\d{1,6}$/.test(version);
  return servePdf(async () => (valid ? getReceiptPdf(await currentActor(), { consultationId, organisationId }, Number(version)) : null));
}
