import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiApp } from '../kit/index.ts';
import { fuzzRoles, rowIds, signInAll, type FuzzRole } from './actors.ts';
import {
  asUrlText,
  hostileValue,
  placesIn,
  replaceAt,
  sweepValues,
  valueAt,
  wellFormed,
  withOneHostile,
  type Key,
  type ValueContext,
} from './arbitraries.ts';
import { changedTables, fingerprinter, type Fingerprint } from './fingerprint.ts';
import { operationsOf, type Operation } from './operations.ts';

/**
 * Walks every operation of /api/openapi.json with generated and hostile input, as every role, and
 * checks: no 5xx, every 4xx names an `error.code`, and a 4xx wrote nothing. Small and seeded in the
 * suite; `pnpm fuzz` runs longer (FUZZ_RUNS, FUZZ_SEED; FUZZ_KEEP_GOING=1 lists every problem
 * instead of stopping at the first).
 */

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const keepGoing = process.env.FUZZ_KEEP_GOING === '1';

interface FuzzCase {
  op: Operation;
  role: FuzzRole;
  path: Record<string, string | string[]>;
  query: Record<string, string | string[]>;
  body: unknown;
}

const t = useApiApp();
let operations: Operation[];
let headers: Record<FuzzRole, Record<string, string>>;
let fingerprint: () => Promise<Fingerprint>;
let context: ValueContext;
beforeAll(async () => {
  operations = await operationsOf(t);
  headers = await signInAll(t);
  fingerprint = await fingerprinter(t);
  context = { ids: await rowIds(t) };
});

/** encodeURIComponent, but a lone surrogate (which it refuses) is sent as the bytes a careless client would send */
function encode(value: string): string {
  return value
    .split(/([\ud800-\udfff])/u)
    .map((part) => (/^[\ud800-\udfff]$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function urlOf(c: FuzzCase): string {
  const path = c.op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = c.path[name] ?? '';
    return encode(Array.isArray(value) ? value.join(',') : value);
  });
  const query = Object.entries(c.query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${encode(key)}=${encode(v)}`),
  );
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

const urlTexts = (o: unknown) =>
  Object.fromEntries(Object.entries(o !== null && typeof o === 'object' ? o : {}).map(([k, x]) => [k, asUrlText(x)]));

function inputWeight(op: Operation): number {
  const fields = (JSON.stringify(op.body ?? {}).match(/"type"/g) ?? []).length;
  return 2 + Object.keys(op.query).length + Object.keys(op.pathParams).length + Math.min(fields, 12);
}

/** One request to `op`: well-formed, with one hostile part in its URL or in its body. */
function caseOf(op: Operation): fc.Arbitrary<FuzzCase> {
  const path = fc.record(
    Object.fromEntries(Object.entries(op.pathParams).map(([k, s]) => [k, wellFormed(s, context)])),
  );
  const query = fc.record(
    Object.fromEntries(Object.entries(op.query).map(([k, q]) => [k, wellFormed(q.schema, context)])),
    { requiredKeys: Object.entries(op.query).flatMap(([k, q]) => (q.required ? [k] : [])) },
  );
  const cleanUrl = fc.record({ path, query });
  const cleanBody = op.body ? wellFormed(op.body, context) : fc.constant(undefined);
  const parts = fc.oneof(
    { arbitrary: fc.record({ url: withOneHostile(cleanUrl), body: cleanBody }), weight: 2 },
    ...(op.body ? [{ arbitrary: fc.record({ url: cleanUrl, body: withOneHostile(cleanBody) }), weight: 4 }] : []),
    // no body, or a body of the wrong kind altogether
    { arbitrary: fc.record({ url: cleanUrl, body: fc.option(hostileValue, { nil: undefined }) }), weight: 1 },
  );
  const role = fc.constantFrom(...(Object.keys(fuzzRoles) as FuzzRole[]));
  return fc.record({ parts, role }).map(({ parts: { url, body }, role: r }) => {
    const { path: p, query: q } = (url ?? {}) as { path?: unknown; query?: unknown };
    return { op, role: r, path: urlTexts(p), query: urlTexts(q), body };
  });
}

/** status → how many answers had it, printed after the run to show what the fuzzer reached */
const statuses = new Map<number, number>();

/** The database as the last answer left it. */
let current: Fingerprint | null = null;

/**
 * The fingerprint once the work a 202 Accepted started in the background (a sign-in link's or a
 * password reset's token is written after the answer) is done, so that it is not counted against
 * the next request: the database must stay the same for a quiet while.
 */
async function settledFingerprint(): Promise<Fingerprint> {
  let last = await fingerprint();
  for (let quiet = 0, i = 0; quiet < 4 && i < 60; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await fingerprint();
    quiet = changedTables(last, next).length === 0 ? quiet + 1 : 0;
    last = next;
  }
  return last;
}

/** What is wrong with the answer to one case, or null. */
async function problemWith(c: FuzzCase): Promise<string | null> {
  const before = current ?? (await fingerprint());
  const url = urlOf(c);
  const res = await t.app.inject({
    method: c.op.method as 'GET',
    url,
    headers: { ...headers[c.role], ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(c.body === undefined ? {} : { payload: JSON.stringify(c.body) }),
  });
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  const where = `${c.op.method} ${url.slice(0, 300)} as ${c.role} (${c.op.id}) body ${JSON.stringify(c.body)?.slice(0, 300)}`;
  current = res.statusCode === 202 ? await settledFingerprint() : await fingerprint();
  if (res.statusCode >= 500) return `${res.statusCode} from ${where}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return null;
  let code: unknown;
  try {
    code = res.json<{ error?: { code?: unknown } }>().error?.code;
  } catch {
    code = undefined;
  }
  if (process.env.FUZZ_DEBUG === '1')
    console.info(
      c.op.id,
      c.role,
      res.statusCode,
      res.body.slice(0, 200),
      JSON.stringify(c.body)?.slice(0, 200),
      url.slice(0, 200),
    );
  if (typeof code !== 'string' || code.length === 0)
    return `${res.statusCode} without error.code from ${where}: ${res.body.slice(0, 300)}`;
  const changed = changedTables(before, current);
  if (changed.length > 0) return `${res.statusCode} ${code} but wrote to ${changed.join(', ')}: ${where}`;
  return null;
}

/** A well-formed request to `op` (the same one every run, from the seed). */
function cleanCase(op: Operation, role: FuzzRole): FuzzCase {
  const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { seed, numRuns: 1 })[0]!;
  const path = Object.fromEntries(Object.entries(op.pathParams).map(([k, s]) => [k, sample(wellFormed(s, context))]));
  // every query key, optional ones too: filters are where odd dates and words go
  const query = Object.fromEntries(
    Object.entries(op.query).map(([k, q]) => [k, sample(wellFormed(q.schema, context))]),
  );
  return {
    op,
    role,
    path: urlTexts(path),
    query: urlTexts(query),
    body: op.body ? sample(wellFormed(op.body, context)) : undefined,
  };
}

/** Every single-place mutation of a clean case: each body place, query key and path value, each sweep value. */
function sweepOf(clean: FuzzCase): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const body = clean.body;
  for (const at of placesIn(body).filter((p: Key[]) => p.length > 0)) {
    for (const bad of sweepValues(valueAt(body, at))) cases.push({ ...clean, body: replaceAt(body, at, bad) });
  }
  for (const part of ['path', 'query'] as const) {
    for (const [key, value] of Object.entries(clean[part])) {
      for (const bad of sweepValues(value)) cases.push({ ...clean, [part]: { ...clean[part], [key]: String(bad) } });
    }
  }
  return cases;
}

/** Operations the sweep leaves out: they end the signed-in sessions the rest of the run needs. */
const notSwept = new Set(['signOut']);

describe('API fuzzer', () => {
  it('walks the OpenAPI document: every operation is fuzzed', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((o) => o.id)).toEqual(expect.arrayContaining(['signIn', 'listMunicipalities']));
  });

  it(
    'sweep: every place of every operation, as a role that may call it, with each hostile kind',
    { timeout: 240_000 },
    async () => {
      const problems: string[] = [];
      let sent = 0;
      for (const op of operations.filter((o) => !notSwept.has(o.id))) {
        // the first role the operation does not turn away, so the hostile part reaches the code
        let role: FuzzRole = 'anonymous';
        for (const candidate of Object.keys(fuzzRoles) as FuzzRole[]) {
          const probe = cleanCase(op, candidate);
          const res = await t.app.inject({
            method: op.method as 'GET',
            url: urlOf(probe),
            headers: {
              ...headers[candidate],
              ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(probe.body === undefined ? {} : { payload: JSON.stringify(probe.body) }),
          });
          // a 202 (a link or reset mail) writes its token after answering: wait for it
          current = res.statusCode === 202 ? await settledFingerprint() : null;
          if (res.statusCode !== 401 && res.statusCode !== 403) {
            role = candidate;
            break;
          }
        }
        for (const c of sweepOf(cleanCase(op, role))) {
          sent += 1;
          const problem = await problemWith(c);
          if (problem !== null) problems.push(problem);
        }
      }
      console.info(`API fuzzer sweep: ${sent} requests over ${operations.length} operations`);
      expect(sent).toBeGreaterThan(200);
      expect(problems).toEqual([]);
    },
  );

  it(
    `hostile input never gets a 5xx, a 4xx without a code, or a write on refusal (seed ${seed}, ${runs} runs)`,
    { timeout: 60_000 + runs * 400 },
    async () => {
      const problems: string[] = [];
      // operations that take more input get more of the runs
      const anyCase = fc.oneof(...operations.map((op) => ({ arbitrary: caseOf(op), weight: inputWeight(op) })));
      try {
        await fc.assert(
          fc.asyncProperty(anyCase, async (c) => {
            const problem = await problemWith(c);
            if (problem === null) return;
            problems.push(problem);
            if (!keepGoing) throw new Error(problem);
          }),
          { seed, numRuns: runs, endOnFailure: true },
        );
      } catch (error) {
        console.error(`API fuzzer failed; reproduce with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} pnpm fuzz`);
        throw error;
      }
      console.info(`API fuzzer, seed ${seed}: answers by status`, Object.fromEntries(statuses));
      expect(problems, `seed ${seed}: reproduce with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} pnpm fuzz`).toEqual([]);
    },
  );
});
