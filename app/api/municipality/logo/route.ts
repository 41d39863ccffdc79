import { databaseUnavailableResponse } from '@/lib/server/download';
import { readMunicipalityLogo } from '@/lib/server/municipality';

// The logo is public, like every page that shows it. An SVG was checked for scripts, handlers and
// external references when it was uploaded; it is served as an image with a policy that would
// refuse them anyway, should it be opened on its own rather than through <img>.
const LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export async function GET() {
  try {
    const logo = await readMunicipalityLogo();
    if (!logo) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(logo.bytes), {
      headers: {
        'Content-Type': logo.contentType,
        'Content-Security-Policy': LOGO_POLICY,
        'X-Content-Type-Options': 'nosniff',
        // The pages link to it with the version of the settings in the query.
        'Cache-Control': 'public, max-age=86400',
      },
    });
  } catch (error) {
    const unavailable = await databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
}
