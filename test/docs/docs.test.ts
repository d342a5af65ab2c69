import fs from 'node:fs';
import path from 'node:path';
import { readSeedCatalogue } from '../../seed/catalogue';

/**
 * The repository explains itself: code cites sections of its own documents, and those citations
 * must keep pointing somewhere; the method's table of indicators must say what the catalogue holds.
 */

const root = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(slug(heading[1]!));
  }
  return anchors;
}

const DOCUMENTS = ['docs/method.md', 'docs/architecture.md', 'docs/i18n.md', 'README.md'];
const anchors = new Map(DOCUMENTS.map((doc) => [doc, anchorsOf(read(doc))]));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.(ts|js|sql|hbs|css)$/.test(entry.name) ? [relative] : [];
  });
}

const sources = ['server', 'db', 'seed', 'test', 'scripts', 'views', 'static'].flatMap(sourceFiles);

describe('citations of the repository’s documents', () => {
  test('every section of a document the code cites (docs/method.md, docs/architecture.md, docs/i18n.md, README) is a heading there', () => {
    const broken: string[] = [];
    let cited = 0;
    for (const file of sources) {
      for (const match of read(file).matchAll(/((?:docs\/[a-z0-9-]+|README)\.md)#([\p{L}\p{N}_-]+)/gu)) {
        cited++;
        const [, doc, anchor] = match;
        if (!anchors.get(doc!)?.has(anchor!)) broken.push(`${file}: ${doc}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
    expect(cited).toBeGreaterThan(20);
  });

  test('links between the documents point at headings that exist', () => {
    const broken: string[] = [];
    let links = 0;
    for (const doc of DOCUMENTS) {
      for (const match of read(doc).matchAll(/\]\(((?:[a-z0-9-]+\.md)?)#([\p{L}\p{N}_-]+)\)/gu)) {
        const [, target, anchor] = match;
        links++;
        const targetDoc = target ? path.posix.join(path.posix.dirname(doc), target) : doc;
        if (!anchors.get(targetDoc)?.has(anchor!)) broken.push(`${doc}: ${target}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(10);
  });

  test('no file cites a specification outside the repository', () => {
    const outside = new RegExp(['DESI', 'GN §'].join('') + '|\\.\\./shared/');
    expect(sources.filter((file) => outside.test(read(file)))).toEqual([]);
  });
});

describe('docs/method.md and the catalogue', () => {
  const method = read('docs/method.md');
  const catalogue = readSeedCatalogue();
  const indicators = catalogue.actions.flatMap((a) => a.indicators.map((i) => ({ ...i, action: a.number, section: a.section })));

  test('the table of indicators gives each indicator’s action, section, kind, population, direction and origin', () => {
    const table = method.slice(method.indexOf('### The indicators'), method.indexOf('### Mechanisms'));
    const documented = [...table.matchAll(/^\| (\d+) \| ([IVX]+) \| (.+) \|$/gm)].flatMap(([, action, section, cell]) =>
      cell!.split(' — ').flatMap((part) => {
        const [codes, kind, ...rest] = part.split(' · ');
        const population = rest.find((r) => /^`[^`]+`$/.test(r))?.slice(1, -1) ?? null;
        const direction = /^direction (\w+)$/.exec(rest.find((r) => r.startsWith('direction ')) ?? '')?.[1] ?? 'up';
        const derivedFrom = /\(`(\w+)`\)/.exec(rest.find((r) => r.startsWith('from the report')) ?? '')?.[1] ?? null;
        return codes!.split(', ').map((code) => ({ code, action: Number(action), section, kind, population, direction, derivedFrom }));
      }),
    );
    expect(documented).toEqual(
      indicators.map(({ code, action, section, kind, population, direction, derivedFrom }) => ({
        code,
        action,
        section,
        kind,
        population,
        direction,
        derivedFrom,
      })),
    );
  });

  test('the number of indicators of each kind is the catalogue’s', () => {
    for (const kind of ['share', 'count', 'figure', 'ratio'] as const) {
      const row = new RegExp(`^\\| \`${kind}\` \\|.*\\| (\\d+) \\|$`, 'm').exec(method);
      expect(Number(row?.[1])).toBe(indicators.filter((i) => i.kind === kind).length);
    }
  });
});
