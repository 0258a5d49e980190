import { gzipSync } from 'node:zlib';

/** What one server-rendered page weighs in the browser, gzip bytes (level 6, as a server would send). */
export interface PageWeight {
  path: string;
  htmlGzip: number;
  /** every script the page loads: the module preloads SvelteKit writes and the entry imports */
  jsGzip: number;
  scripts: Array<{ url: string; gzip: number }>;
}

const SCRIPT = /<link href="([^"]+\.js)" rel="modulepreload"|import\("([^"]+\.js)"\)|<script[^>]*\ssrc="([^"]+)"/g;

/** Fetches `path` (with `headers`, e.g. a language) and every script it loads; sizes are deterministic for one build. */
export async function pageWeight(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<PageWeight> {
  const pageUrl = new URL(path, base);
  const response = await fetch(pageUrl, { headers });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const html = await response.text();
  const urls = new Set([...html.matchAll(SCRIPT)].map((m) => new URL(m[1] ?? m[2] ?? m[3] ?? '', pageUrl).href));
  const scripts = await Promise.all(
    [...urls].map(async (url) => {
      const script = await fetch(url);
      if (!script.ok) throw new Error(`${url}: ${script.status}`);
      return { url, gzip: gzipSync(Buffer.from(await script.arrayBuffer())).length };
    }),
  );
  return {
    path,
    htmlGzip: gzipSync(html).length,
    jsGzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    scripts: scripts.sort((a, b) => b.gzip - a.gzip),
  };
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
