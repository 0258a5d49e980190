import type { ReservedClient, SqlClient } from './target.ts';

/** What every step of `pnpm bench:generate` works with: one connection, the sizes, the clock. */
export interface Load {
  sql: SqlClient;
  /** the reserved connection the load runs on (its session settings and temp tables) */
  c: ReservedClient;
  n: { associations: number; volunteers: number; requests: number; applications: number };
  /** now, as a SQL timestamptz literal: every generated time is relative to it */
  nowLit: string;
  threeYears: number;
  /** runs one step's SQL on `c`, timed and logged */
  run(step: string, query: string): Promise<void>;
  steps: { step: string; seconds: number }[];
  log: (line: string) => void;
}

/** A runner of named SQL steps on one connection: each is timed into `steps` and logged. */
export function stepRunner(client: Pick<ReservedClient, 'unsafe'>, steps: Load['steps'], log: Load['log']) {
  return async (step: string, query: string): Promise<void> => {
    const t = Date.now();
    await client.unsafe(query);
    const seconds = (Date.now() - t) / 1000;
    steps.push({ step, seconds });
    log(`  ${step}: ${seconds.toFixed(1)} s`);
  };
}
