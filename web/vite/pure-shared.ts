import MagicString from 'magic-string';
import { parseAst, type Plugin } from 'vite';

type Node = { type: string; start: number; end: number } & Record<string, unknown>;

/** Where a function begins, the walk stops: calls inside a function run when it is called, not at load. */
const FUNCTIONS = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'ClassExpression']);
const CALLS = new Set(['CallExpression', 'NewExpression']);
const PURE = '/*#__PURE__*/ ';

/**
 * Lets the browser bundle keep only the parts of `@board/shared` a page uses. Its modules define
 * zod schemas beside plain constants and functions (`can`, `categoryKeys`, …); to a bundler every
 * top-level `z.object(…)` is a call that might have side effects, so one `import { can }` used to
 * bring every schema and all of zod (≈ 46 KB gzip) to every page. In the client build only, this
 * marks the calls in the top-level `const` initialisers of shared modules as pure (they build
 * values, nothing else) and the modules as free of side effects, so unused schemas, and zod with
 * them, are dropped. Pages that do use a schema in the browser still get it. The server build and
 * `pnpm dev` are untouched. Contract for shared/src: a top-level `const` must not be initialised
 * for its side effects (write those as statements, e.g. a `for` loop, which stay).
 */
export function pureShared(sharedDir: string): Plugin {
  return {
    name: 'board:pure-shared',
    apply: 'build',
    enforce: 'post',
    applyToEnvironment: (environment) => environment.name === 'client',
    transform(code, id) {
      if (!id.startsWith(sharedDir)) return null;
      const s = new MagicString(code);
      const marked = new Set<number>();
      for (const statement of parseAst(code).body as unknown as Node[]) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node) : statement;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const declarator of declaration.declarations as Node[]) markCalls(declarator.init, s, marked);
      }
      return { code: s.toString(), map: s.generateMap({ hires: true, source: id }), moduleSideEffects: false };
    },
  };
}

function markCalls(node: unknown, s: MagicString, marked: Set<number>): void {
  if (Array.isArray(node)) {
    for (const child of node) markCalls(child, s, marked);
    return;
  }
  if (!isNode(node) || FUNCTIONS.has(node.type)) return;
  // one mark before a chain (`a.b().c()`) covers the whole chain: the bundler drops it unused
  if (CALLS.has(node.type) && !marked.has(node.start)) {
    marked.add(node.start);
    s.appendLeft(node.start, PURE);
  }
  for (const [key, child] of Object.entries(node)) if (key !== 'type') markCalls(child, s, marked);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}
