import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, loadSettings, table } from './compare.ts';
import { kb, pageWeight } from './page-weight.ts';
import { benchReport, loadAverage, saveReport } from './report.ts';

/**
 * `pnpm bench:pages`: the pages as a phone sees them (issue 14), in one run on this machine.
 *   Lighthouse (mobile, its default throttling; Debian's Chromium, offline) on `/`, `/requests`
 *   and a request page: performance and accessibility scores and the main timings;
 *   each page's HTML and JavaScript, gzip (budget: ≤ 20 KB HTML and ≤ 50 KB JavaScript);
 *   server-rendered `/requests` pages per second beside the API listing `/api/requests`
 *   (autocannon, BENCH_CONNECTIONS (32), BENCH_SECONDS (10) each, loopback only).
 * The app: BENCH_URL (a running one, http://127.0.0.1:…), else `scripts/start` on a throwaway
 * embedded database with the demo data, on BENCH_PORT (3479), stopped at the end.
 * CHROME_PATH (/usr/bin/chromium). BENCH_OUT=file writes the report there too.
 */

const { seconds, connections } = loadSettings;
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = '--headless --no-sandbox --disable-gpu --disable-background-networking';
const root = new URL('../../', import.meta.url);

const { report, say } = benchReport();

async function waitFor(url: string, app: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode})`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer in 300 s`);
}

interface LighthouseResult {
  categories: Record<string, { score: number }>;
  audits: Record<string, { numericValue?: number }>;
}

/** One Lighthouse run, tried again once: on a busy machine it sometimes loses the trace (NO_NAVSTART). */
async function lighthouse(url: string): Promise<LighthouseResult> {
  return lighthouseOnce(url).catch(() => lighthouseOnce(url));
}

/** One Lighthouse run (its CLI, as people run it), mobile with default throttling. */
function lighthouseOnce(url: string): Promise<LighthouseResult> {
  const bin = new URL('node_modules/.bin/lighthouse', new URL('scripts/', root)).pathname;
  const args = [
    url,
    '--output=json',
    '--quiet',
    '--only-categories=performance,accessibility',
    `--chrome-flags=${chromeFlags}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: chrome } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as LighthouseResult);
      else reject(new Error(`lighthouse ${url} exited ${code}: ${err.slice(-500)}`));
    });
  });
}

async function main() {
  let app: ChildProcess | undefined;
  let dataDir: string | undefined;
  let base = process.env.BENCH_URL;
  try {
    if (!base) {
      const port = process.env.BENCH_PORT ?? '3479';
      dataDir = await mkdtemp(join(tmpdir(), 'bench-pages-'));
      base = `http://127.0.0.1:${port}`;
      app = spawn(new URL('scripts/start', root).pathname, [], {
        cwd: root,
        env: { ...process.env, PORT: port, PGLITE_DATA_DIR: dataDir },
        stdio: 'ignore',
      });
      await waitFor(`${base}/requests`, app);
    }
    const board = await (await fetch(`${base}/api/requests?limit=1`)).json();
    const id = (board as { items: Array<{ id: string }> }).items[0]?.id;
    if (!id) throw new Error('the board has no published request');
    const pages = ['/', '/requests', `/requests/${id}`];

    say(`# bench:pages — ${new Date().toISOString()}`);
    say(`${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadAverage()}`);
    say();
    say('## Page weight (gzip; ja, signed out)');
    say();
    say('| page | HTML KB | JavaScript KB | scripts |');
    say('|---|---|---|---|');
    for (const path of pages) {
      const w = await pageWeight(base, path, { 'accept-language': 'ja' });
      say(
        `| ${path === pages[2] ? '/requests/:id' : path} | ${kb(w.htmlGzip)} | ${kb(w.jsGzip)} | ${w.scripts.length} |`,
      );
    }
    say();
    say('## Lighthouse (mobile, default throttling)');
    say();
    say('| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS |');
    say('|---|---|---|---|---|---|---|');
    for (const path of pages) {
      const r = await lighthouse(`${base}${path}`);
      const audit = (name: string) => Math.round(r.audits[name]?.numericValue ?? NaN);
      say(
        `| ${path === pages[2] ? '/requests/:id' : path} | ${r.categories.performance?.score} | ${r.categories.accessibility?.score} | ${audit('first-contentful-paint')} | ${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${(r.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)} |`,
      );
    }
    say();
    say(
      `## /requests rendered by the server beside the API listing (autocannon, ${connections} connections, ${seconds} s each)`,
    );
    say();
    const listing = await load('GET /api/requests (the API listing)', `${base}/api/requests`, { connections, seconds });
    const page = await load('GET /requests (the server-rendered page)', `${base}/requests`, { connections, seconds });
    say(table([listing, page], listing));
    say();
    say(`load average after: ${loadAverage()}`);
    saveReport(report);
  } finally {
    app?.kill('SIGTERM');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
