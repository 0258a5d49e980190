const FALLBACK = '/';
const MAX_LENGTH = 2048;
const PROBE_ORIGIN = 'http://return-path.invalid';

/**
 * Turns an untrusted "where to go back to" value (from a form field) into a same-site,
 * root-relative path, or `/`. Blocks open redirects: absolute URLs, protocol-relative
 * `//evil.example`, backslash tricks (`/\evil.example`), control characters and
 * `javascript:`-style schemes all become `/`.
 */
export function safeReturnPath(value: unknown, avoid: readonly string[] = []): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return FALLBACK;
  // must be root-relative, and not `//host` or `/\host` (browsers treat `\` like `/`)
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return FALLBACK;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return FALLBACK;

  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  if (avoid.includes(url.pathname)) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
