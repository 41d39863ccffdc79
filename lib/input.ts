// What the app accepts as text from outside (query parameters, form fields): control characters
// other than tab, line feed and carriage return are removed. PostgreSQL refuses NUL in text, and
// none of them belongs in anything a person types; CR stays because browsers send a textarea's
// line breaks as CRLF.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The text without control characters; tab and line breaks are kept. */
export const withoutControlCharacters = (text: string): string => text.replace(CONTROL_CHARACTERS, '');

export const hasControlCharacters = (text: string): boolean => text.search(CONTROL_CHARACTERS) !== -1;

/** The query of `url` with control characters removed from every name and value, or null when it has none. */
function cleanedQuery(url: URL): URLSearchParams | null {
  const entries = [...url.searchParams];
  if (!entries.some(([name, value]) => hasControlCharacters(name) || hasControlCharacters(value))) return null;
  return new URLSearchParams(entries.map(([name, value]) => [withoutControlCharacters(name), withoutControlCharacters(value)]));
}

// Percent-encoded control characters in a path; tab and line breaks (%09, %0A, %0D) too, since no path holds them.
const ENCODED_CONTROL_CHARACTERS = /%(?:0[0-9a-f]|1[0-9a-f]|7f)/gi;

/**
 * `url` without control characters in its path and query, or null when it has none. proxy.ts
 * serves every request at the cleaned address, so that no page or route handler sees them.
 */
export function cleanedUrl(url: URL): URL | null {
  const pathname = url.pathname.replace(ENCODED_CONTROL_CHARACTERS, '');
  const query = cleanedQuery(url);
  if (pathname === url.pathname && !query) return null;
  const cleaned = new URL(url.href);
  cleaned.pathname = pathname;
  if (query) cleaned.search = query.toString();
  return cleaned;
}
