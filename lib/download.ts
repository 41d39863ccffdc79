/**
 * A file download, never rendered inline. The name is given twice: ASCII-only for old clients
 * and UTF-8 encoded; quotes, slashes and control characters never reach the header.
 */
export function downloadResponse(body: Uint8Array | ReadableStream<Uint8Array>, fileName: string, contentType: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\/]/g, '_');
  return new Response(body instanceof ReadableStream ? body : new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
