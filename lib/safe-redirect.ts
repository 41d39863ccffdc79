/**
 * Where a sign-in may send the browser afterwards: a path on this site, never another origin.
 *
 * Browsers read `\` as `/` and drop tabs and line breaks inside a URL, so `/\evil.example` and
 * `/<tab>/evil.example` both mean `//evil.example`, another host. And some callers decode a value
 * once more (`/%2F%2Fevil.example`), so the path is checked as written and as decoded. Anything
 * doubtful becomes `fallback`; a local path with its query string and fragment is kept as given.
 * An absolute URL is accepted only on `origin` (this site), and comes back as its path.
 */
export function safeRedirectPath(value: unknown, options: { origin?: string; fallback?: string } = {}): string {
  const fallback = options.fallback ?? '/';
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback;
  let candidate = value;
  if (options.origin && !candidate.startsWith('/')) {
    const url = parseUrl(candidate);
    if (!url || url.origin !== new URL(options.origin).origin) return fallback;
    candidate = `${url.pathname}${url.search}${url.hash}`;
  }
  // Control characters, spaces and backslashes anywhere: none belongs in a link this app makes.
  if (/[\u0000-\u0020\u007f\\]/.test(candidate)) return fallback;
  const path = candidate.split(/[?#]/, 1)[0]!;
  if (!isLocalPath(path)) return fallback;
  // The same test on the decoded path, down to where decoding changes nothing.
  let decoded = path;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    if (/[\u0000-\u001f\u007f\\]/.test(next) || !isLocalPath(next)) return fallback;
    decoded = next;
  }
  // Last word: resolved as a browser would, it stays on the site.
  const base = 'http://site.invalid';
  const resolved = parseUrl(candidate, base);
  return resolved?.origin === base ? candidate : fallback;
}

/** One leading slash, then not a second one: `//host` is another site. */
const isLocalPath = (path: string) => /^\/(?![/\\])/.test(path);

function parseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/** Where a sign-in without a destination of its own goes: a page that sends each role to its start (app/signin/continue). */
export const AFTER_SIGN_IN_PATH = '/signin/continue';
