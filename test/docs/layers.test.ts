import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of docs/architecture.md#layers, held against the code's own import statements:
 * routes → presenters → domain → db/queries, SQL only under db/, and no import cycle.
 */

const root = path.join(__dirname, '..', '..');

interface Import {
  /** The imported module: a path from the root without extension for the project's files, else the package's name. */
  target: string;
  /** Only types are imported (`import type`, or every name marked `type`): nothing runs at load. */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** `../db/schema` from `server/app.ts` → `db/schema`; an index file is named by its folder's `/index`. */
function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.(ts|js)$/, '');
  if (fs.existsSync(path.join(root, `${base}.ts`))) return base;
  if (fs.existsSync(path.join(root, base, 'index.ts'))) return `${base}/index`;
  return base;
}

/** The import and export-from statements of a TypeScript source, read with TypeScript's own parser. */
export function importsOf(file: string, text: string): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false);
  const found: Import[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (!clause.name && named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)));
      found.push({ target: resolve(file, statement.moduleSpecifier.text), typeOnly });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push({ target: resolve(file, statement.moduleSpecifier.text), typeOnly: statement.isTypeOnly });
    }
  }
  return found;
}

/** Every cycle's files, one per strongly connected component of more than one file (Tarjan). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const files = ['server', 'db', 'seed', 'scripts'].flatMap(sourceFiles);
const imports = new Map(files.map((file) => [file.replace(/\.ts$/, ''), importsOf(file, fs.readFileSync(path.join(root, file), 'utf8'))]));

/** `file → module` for every import matching `which`, from the files matching `from`. */
function offending(from: (file: string) => boolean, which: (i: Import) => boolean): string[] {
  return [...imports].flatMap(([file, list]) => (from(file) ? list.filter(which).map((i) => `${file} → ${i.target}`) : []));
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const isSql = (target: string) => target === 'drizzle-orm' || target.startsWith('drizzle-orm/') || target === 'db/schema';

describe('the layers', () => {
  it('reads the project (the walk finds files and their imports)', () => {
    expect(imports.size).toBeGreaterThan(100);
    expect(imports.get('server/app')!.some((i) => i.target === 'server/routes/workspace/index')).toBe(true);
  });

  it('keeps SQL under db/: no file outside it imports drizzle-orm or the schema, except for types', () => {
    expect(
      offending(
        (f) => !f.startsWith('db/'),
        (i) => isSql(i.target) && !i.typeOnly,
      ),
    ).toEqual([]);
  });

  it('has routes call presenters and the domain, never db/queries', () => {
    expect(offending(under('server/routes'), (i) => i.target.startsWith('db/queries/'))).toEqual([]);
  });

  it('has presenters take nothing but types from db/', () => {
    expect(offending(under('server/presenters'), (i) => i.target.startsWith('db/') && !i.typeOnly)).toEqual([]);
  });

  it('has db/queries run no domain logic: it imports only types from server/', () => {
    expect(offending(under('db/queries'), (i) => i.target.startsWith('server/') && !i.typeOnly)).toEqual([]);
  });

  it('has the domain know nothing of HTTP: no route, presenter, middleware or express', () => {
    expect(
      offending(
        under('server/domain'),
        (i) => ['server/routes/', 'server/presenters/', 'server/middleware/'].some((p) => i.target.startsWith(p)) || i.target === 'express',
      ),
    ).toEqual([]);
  });

  it('has no import cycle, types included', () => {
    const graph = new Map([...imports].map(([file, list]) => [file, list.map((i) => i.target)]));
    expect(cyclesOf(graph)).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('tells type-only imports from those that load a module', () => {
    const found = importsOf(
      'server/domain/x.ts',
      [
        "import type { A } from '../../db/schema';",
        "import { type B, type C } from 'drizzle-orm';",
        "import { eq, type D } from 'drizzle-orm';",
        "export { E } from './e';",
        "import './side-effect';",
      ].join('\n'),
    );
    expect(found).toEqual([
      { target: 'db/schema', typeOnly: true },
      { target: 'drizzle-orm', typeOnly: true },
      { target: 'drizzle-orm', typeOnly: false },
      { target: 'server/domain/e', typeOnly: false },
      { target: 'server/domain/side-effect', typeOnly: false },
    ]);
  });

  it('finds a cycle through three files and none in a chain', () => {
    const cycle = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cyclesOf(cycle)).toEqual([['a', 'b', 'c']]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
