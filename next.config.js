import createNextIntlPlugin from 'next-intl/plugin';
import { MAX_REQUEST_BYTES } from './lib/upload-limits.js';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // The messages are compiled at build time, so the browser gets no ICU message parser (about
  // 12 KB gzipped on every page) and nothing parses a message at run time.
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Metadata (the page title above all) in the <head> of the first HTML for every visitor, not
  // streamed in later: screen readers announce the title at once, and pages read without
  // JavaScript have it too.
  htmlLimitedBots: /.*/,
  // PDFKit reads its font metrics (.afm), pdf.js its worker module, from their own package folders at run time.
  serverExternalPackages: ['pdfkit', 'pdfjs-dist'],
  experimental: {
    // Files are uploaded through server actions. The proxy (proxy.ts) buffers request bodies and
    // cuts them at its own limit (10 MB by default), so both limits come from lib/upload-limits.js.
    serverActions: { bodySizeLimit: MAX_REQUEST_BYTES },
    proxyClientMaxBodySize: MAX_REQUEST_BYTES,
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
