import { appRole, createDatabase } from '@board/db';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startLocalCluster, type LocalCluster } from '../../tests/src/harness/local-postgres.ts';

/**
 * Several instances on one machine (issue 14, docs/deploy.md): one PostgreSQL, PgBouncer in
 * transaction pooling in front of it, N app instances (`node server/src/main.ts`) and nginx
 * spreading requests over them. `scripts/cluster` runs it; `pnpm bench:cluster` measures it.
 */
export interface ClusterOptions {
  instances: number;
  /** where nginx listens (0: a free port) */
  port: number;
  /** extra environment for every instance (BOARD_CACHE_SECONDS, DEMO_HISTORY …) */
  env?: Record<string, string>;
  /** instances' log level */
  logLevel?: string;
}

export interface RunningCluster {
  /** nginx */
  url: string;
  /** the instances themselves, each on its own port */
  instances: string[];
  /** straight to PostgreSQL as its superuser (the migration owner) */
  databaseUrl: string;
  /** process ids by part, for measuring where the CPU goes (postgres: the postmaster's) */
  pids: { instances: number[]; nginx: number; pgbouncer: number; postmaster: number };
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const isRoot = process.getuid?.() === 0;
const database = 'udekiki';

function idsOf(user: string): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync('id', ['-u', user]).toString().trim()),
    gid: Number(execFileSync('id', ['-g', user]).toString().trim()),
  };
}

/** A process of ours whose output goes to a log file; `stop` signals it and waits for its exit. */
function start(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env) {
  const child: ChildProcess = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot });
  const chunks: string[] = [];
  child.stdout!.on('data', (d) => chunks.push(String(d)));
  child.stderr!.on('data', (d) => chunks.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => chunks.join(''),
    log: () => writeFileSync(logFile, chunks.join('')),
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until `url` answers 2xx; fails at once when the process behind it (`alive`) has exited. */
async function waitFor(url: string, what: () => string, alive: () => boolean, seconds = 300): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (!alive()) throw new Error(`exited before ${url} answered:\n${what()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${seconds} s:\n${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function pgbouncerConfig(dir: string, port: number, pgPort: number): string {
  writeFileSync(join(dir, 'userlist.txt'), `"${appRole}" ""\n"postgres" ""\n`);
  return [
    '[databases]',
    `${database} = host=127.0.0.1 port=${pgPort} dbname=${database}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${join(dir, 'userlist.txt')}`,
    // a server connection serves one transaction, then the next client's: the app sets its
    // claims per transaction (set_config(…, true)) and sends no named prepared statements
    'pool_mode = transaction',
    'default_pool_size = 20',
    'max_client_conn = 2000',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    '',
  ].join('\n');
}

function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'nginx', name)};`;
  return `worker_processes auto;
pid ${join(dir, 'nginx', 'nginx.pid')};
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  upstream board {
    least_conn;
    ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n    ')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://board;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      # an instance that is shutting down answers 503 or refuses: ask the next one
      proxy_next_upstream error timeout http_503;
    }
  }
}
`;
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'udekiki-cluster-'));
  chmodSync(dir, 0o755); // PgBouncer runs as postgres, nginx's workers as nobody
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const pg: LocalCluster = await startLocalCluster();
    stops.push(() => pg.stop());
    const admin = createDatabase({ url: pg.url, maxConnections: 1 });
    const adminSql = (admin.db as unknown as { $client: { unsafe<T>(q: string): Promise<T[]> } }).$client;
    await adminSql.unsafe(`create database ${database}`);
    const dataDirectory = (await adminSql.unsafe<{ data_directory: string }>('show data_directory'))[0]!.data_directory;
    await admin.close();
    const pgPort = Number(new URL(pg.url).port);
    const ownerUrl = `postgres://postgres@127.0.0.1:${pgPort}/${database}`;

    const bouncerPort = await freePort();
    const bouncerDir = join(dir, 'pgbouncer');
    mkdirSync(bouncerDir);
    writeFileSync(join(bouncerDir, 'pgbouncer.ini'), pgbouncerConfig(bouncerDir, bouncerPort, pgPort));
    if (isRoot) {
      // PgBouncer refuses to run as root
      const { uid, gid } = idsOf('postgres');
      for (const f of ['', 'pgbouncer.ini', 'userlist.txt']) chownSync(join(bouncerDir, f), uid, gid);
    }
    const bouncer = start(
      'pgbouncer',
      [...(isRoot ? ['-u', 'postgres'] : []), join(bouncerDir, 'pgbouncer.ini')],
      join(dir, 'pgbouncer.out'),
    );
    stops.push(() => bouncer.stop('SIGINT'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!bouncer.alive()) throw new Error(`PgBouncer did not start:\n${bouncer.output()}`);

    const port = options.port || (await freePort());
    const jwtSecret = randomBytes(32).toString('hex');
    const instancePorts = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
    const instanceEnv = (p: number): NodeJS.ProcessEnv => ({
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(p),
      DATABASE_URL: ownerUrl,
      // requests through PgBouncer, without named prepared statements (postgres.js reads ?prepare=false)
      APP_DATABASE_URL: `postgres://${appRole}@127.0.0.1:${bouncerPort}/${database}?prepare=false`,
      // and without the app's own named statements (db/src/prepared.ts): Debian's PgBouncer 1.18
      // cannot carry them from one server connection to the next
      DATABASE_PREPARE: '0',
      // LISTEN and the job queue need a session: straight to PostgreSQL
      APP_DIRECT_DATABASE_URL: `postgres://${appRole}@127.0.0.1:${pgPort}/${database}`,
      JWT_SECRET: jwtSecret,
      TRUST_PROXY_HOPS: '1',
      PUBLIC_ORIGIN: `http://localhost:${port}`,
      DEMO_DATA: '1',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    });
    const instances: string[] = [];
    const started: ReturnType<typeof start>[] = [];
    for (const [i, p] of instancePorts.entries()) {
      const instance = start(
        process.execPath,
        ['server/src/main.ts'],
        join(dir, `instance-${i + 1}.log`),
        instanceEnv(p),
      );
      stops.push(async () => {
        await instance.stop('SIGTERM');
        instance.log();
      });
      const url = `http://127.0.0.1:${p}`;
      instances.push(url);
      // the first migrates and seeds alone; the others start on a ready database
      started.push(instance);
      if (i === 0) await waitFor(`${url}/api/ready`, instance.output, instance.alive);
    }
    await Promise.all(started.map((s, i) => waitFor(`${instances[i]}/api/ready`, s.output, s.alive)));

    const nginxDir = join(dir, 'nginx');
    mkdirSync(nginxDir);
    chmodSync(nginxDir, 0o777); // its workers run as nobody
    writeFileSync(join(nginxDir, 'nginx.conf'), nginxConfig(dir, port, instancePorts));
    const nginx = start(
      'nginx',
      ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf'), '-e', join(nginxDir, 'error.log')],
      join(dir, 'nginx.out'),
    );
    stops.push(() => nginx.stop('SIGQUIT'));
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/api/ready`, nginx.output, nginx.alive, 30);
    const postmaster = Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return {
      url,
      instances,
      databaseUrl: ownerUrl,
      pids: {
        instances: started.map((s) => s.child.pid!),
        nginx: nginx.child.pid!,
        pgbouncer: bouncer.child.pid!,
        postmaster,
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
