import { benchReport, percentile, saveReport, sayHeading } from './report.ts';
import { analyser } from '@board/server/furigana/analyser';
import { rubyOf } from '@board/server/furigana/readings';

/**
 * `pnpm bench:furigana`: the cost of readings over kanji at write time (issue 13). First the
 * kuromoji IPA dictionary is loaded, once, timed, with the process's resident memory before and
 * after; then rubyOf on a short title and on a 350-character body, BENCH_FURIGANA_N (20) times
 * each after a warm-up: mean / p95 / max ms per text. Aim for the body: under 500 ms per text (it
 * is paid once per write, before the transaction). No database. BENCH_OUT=file writes the report
 * there too.
 */

const n = Number(process.env.BENCH_FURIGANA_N ?? 20);
const aimBody = 500;

const title = '千住一丁目町会の防災訓練を手伝ってください';
const body = '千住一丁目町会の防災訓練を手伝ってください。回覧板でもお知らせします。'.repeat(10);

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function time(text: string) {
  for (let i = 0; i < 3; i++) await rubyOf(text);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await rubyOf(text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  times.sort((a, b) => a - b);
  return { mean, p95: percentile(times, 95), max: times.at(-1)! };
}

const { report, say } = benchReport();

sayHeading(say, 'bench:furigana');

const rssBefore = process.memoryUsage().rss;
const started = process.hrtime.bigint();
await analyser();
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
const rssAfter = process.memoryUsage().rss;
say(
  `dictionary load (once per process): ${(loadMs / 1000).toFixed(2)} s; rss ${mb(rssBefore)} → ${mb(rssAfter)} (+${mb(rssAfter - rssBefore)})`,
);
say();

say(`| text | characters | mean ms | p95 ms | max ms | aim |`);
say('|---|---|---|---|---|---|');
for (const [name, text, aim] of [
  ['title', title, null],
  ['body', body, aimBody],
] as const) {
  const r = await time(text);
  const verdict = aim === null ? '—' : `${r.mean < aim ? 'MET' : 'MISSED'} (mean < ${aim} ms)`;
  say(`| ${name} | ${text.length} | ${r.mean.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${verdict} |`);
}
say();
say(`${n} runs each after 3 warm-up runs; rss now ${mb(process.memoryUsage().rss)}`);
saveReport(report);
