import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './local-postgres.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  output(): string;
  /** sends SIGTERM and resolves with the exit code */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash: no shutdown hook runs */
  crash(): Promise<void>;
}

/**
 * Starts `node server/src/main.ts` as its own process, exactly as scripts/start does, on a free
 * port, and waits until it answers /api/health.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'board-start-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: join(dataDir, 'pglite'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  // PGlite opens and migrates in WASM before the first answer: minutes when two test workers
  // share a busy 2-core machine (measured: no log line at all within 60 s)
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
