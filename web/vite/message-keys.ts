import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { skillMessageKeys } from '../src/lib/i18n/skill-messages.ts';

/**
 * Which message keys each page needs, found by reading the source (no running app): for every
 * route folder under `src/routes`, the files SvelteKit uses to answer it (its `+page.*`, and
 * the `+layout.*` and `+error.svelte` of it and every folder above) and everything they import,
 * within `src/` and `shared/src/`. In those files, any word that is a message key counts, and any
 * word ending in a dot that starts keys counts as that prefix (`'status.' + s`): every key under
 * it is taken, but for error codes (`sentWithTheirFailure`). A key made of nothing but variables
 * cannot be seen here; every accessibility check in the browser tests (tests/e2e/kit/pages.ts)
 * fails on a raw key.
 */
export interface MessageKeyScan {
  /** route id (as `event.route.id`, e.g. `/requests/[id]`) → the keys its pages use, sorted */
  routes: Record<string, string[]>;
  /** the keys of a page with no route (404): the root layout and error page */
  noRoute: string[];
}

const ROUTE_FILES = /^\+(page|layout)(\.server)?\.(ts|svelte)$|^\+error\.svelte$/;
const IMPORT = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
/** a word that could be a message key (`area.some.key`) */
export const messageKeyLike = /[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/g;
/** a string that ends in a dot, right before `${` or its closing quote: `'status.' + s`, `errors.code.${code}` */
const PREFIX = /['"`]([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.)(?=\$\{|['"`])/g;
/**
 * Prefixes whose keys a page does not carry: the texts of API error codes and field problems
 * travel with the failure that names them (web/src/lib/server/error-messages.ts).
 */
export const sentWithTheirFailure = ['errors.code.', 'errors.field.'];

export function scanMessageKeys(webSrc: string, sharedSrc: string, allKeys: Iterable<string>): MessageKeyScan {
  const keys = [...allKeys].sort();
  const keySet = new Set(keys);
  const fileKeys = new Map<string, Set<string>>();
  const importsOf = new Map<string, string[]>();

  function read(file: string): void {
    if (fileKeys.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const found = new Set<string>();
    for (const [word] of text.matchAll(messageKeyLike)) if (keySet.has(word)) found.add(word);
    for (const [, prefix = ''] of text.matchAll(PREFIX)) {
      if (sentWithTheirFailure.includes(prefix)) continue;
      for (const key of keys) if (key.startsWith(prefix)) found.add(key);
    }
    fileKeys.set(file, found);
    const imports: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(match[1] ?? match[2] ?? '', file, webSrc, sharedSrc);
      if (target) imports.push(target);
    }
    importsOf.set(file, imports);
  }

  function keysOf(entries: string[]): string[] {
    const seen = new Set<string>();
    const found = new Set<string>();
    const queue = [...entries];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      read(file);
      for (const key of fileKeys.get(file) ?? []) found.add(key);
      queue.push(...(importsOf.get(file) ?? []));
    }
    return [...found].sort();
  }

  const routesDir = join(webSrc, 'routes');
  const routes: Record<string, string[]> = {};
  for (const dir of folders(routesDir)) {
    const own = routeFiles(dir);
    if (!own.some((f) => /^\+page\./.test(f.split(sep).pop() ?? ''))) continue;
    const chain: string[] = [];
    for (let d = dir; d.startsWith(routesDir); d = dirname(d)) {
      chain.push(...routeFiles(d).filter((f) => d === dir || !/[/\\]\+page\./.test(f)));
      if (d === routesDir) break;
    }
    routes[routeId(routesDir, dir)] = keysOf(chain);
  }
  return { routes, noRoute: keysOf(routeFiles(routesDir).filter((f) => !/[/\\]\+page\./.test(f))) };
}

function routeId(routesDir: string, dir: string): string {
  return `/${relative(routesDir, dir).split(sep).join('/')}`;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => ROUTE_FILES.test(name))
    .map((name) => join(dir, name));
}

function folders(dir: string): string[] {
  const found = [dir];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...folders(path));
  }
  return found;
}

/** A source file an import names (`#lib/…`, `$lib/…`, relative, `@board/shared…`), or undefined for packages. */
function resolveImport(spec: string, from: string, webSrc: string, sharedSrc: string): string | undefined {
  let base: string;
  if (spec.startsWith('#lib/') || spec.startsWith('$lib/')) base = join(webSrc, 'lib', spec.slice(5));
  else if (spec.startsWith('.')) base = join(dirname(from), spec);
  else if (spec === '@board/shared') base = join(sharedSrc, 'index.ts');
  else if (spec.startsWith('@board/shared/')) base = join(sharedSrc, spec.slice('@board/shared/'.length));
  else return undefined;
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.(ts|svelte|js)$/.test(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Every message key: those of the Japanese files (the source language defines the set; see
 * catalogue.ts) and the skills' names, made from the vocabulary (skill-messages.ts).
 */
export function catalogueKeys(messagesDir: string): string[] {
  const files = readdirSync(messagesDir).flatMap((area) =>
    Object.keys(JSON.parse(readFileSync(join(messagesDir, area, 'ja.json'), 'utf8')) as Record<string, string>),
  );
  return [...files, ...skillMessageKeys];
}
