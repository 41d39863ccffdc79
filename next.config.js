import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Metadata (the page title above all) in the <head> of the first HTML for every visitor, not
  // streamed in later: screen readers announce the title at once, and pages read without
  // JavaScript have it too.
  htmlLimitedBots: /.*/,
  experimental: {
    // PDF attachments of up to 10 MB are uploaded through a server action.
    serverActions: { bodySizeLimit: '11mb' },
    // A refusal of the domain layer (ForbiddenError) renders app/forbidden.tsx with status 403.
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
