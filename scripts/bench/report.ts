import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** A measuring script's report: `say` prints a line and keeps it in `report`. */
export interface BenchReport {
  report: string[];
  say(line?: string): void;
}

export function benchReport(): BenchReport {
  const report: string[] = [];
  const say = (line = '') => {
    console.log(line);
    report.push(line);
  };
  return { report, say };
}

/** With BENCH_OUT=file, writes the report there, followed by `more` lines (e.g. the plans). */
export function saveReport(report: string[], ...more: string[]): void {
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${[...report, ...more].join('\n')}\n`);
}

/** The 1-, 5- and 15-minute load averages. */
export function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

/** A timing report's first lines: the command, when, the machine and how busy it was then. */
export function sayHeading(say: BenchReport['say'], command: string): void {
  say(`# pnpm ${command} — ${new Date().toISOString()}`);
  say();
  say(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadAverage()}`);
}

/** The p-th percentile (0–100) of times sorted from the fastest. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
