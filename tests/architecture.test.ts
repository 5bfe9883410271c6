import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of the code, checked on the sources (README, Architecture): views never reach the database or
 * the browser, no import circles, and only the database module and the few modules named below touch tables.
 */

const ROOT = resolve(__dirname, '..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const FILES = SOURCE_DIRS.flatMap(filesUnder);
const SOURCE = new Map(FILES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** Every module specifier a file imports or re-exports (static and dynamic), types included. */
function specifiers(text: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  const re =
    /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = (m[3] ?? m[4]) as string;
    out.push({ spec, typeOnly: Boolean(m[2]) });
  }
  return out;
}

/** The repository file a relative specifier names, or undefined for packages and assets. */
function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = relative(ROOT, resolve(ROOT, dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (SOURCE.has(candidate)) return candidate;
  }
  return undefined;
}

const EDGES = new Map<string, { to: string; typeOnly: boolean }[]>();
for (const [file, text] of SOURCE) {
  EDGES.set(
    file,
    specifiers(text).flatMap(({ spec, typeOnly }) => {
      const to = resolveSpec(file, spec);
      return to ? [{ to, typeOnly }] : [];
    }),
  );
}

/** Import circles (strongly connected components of more than one file, or a file importing itself). */
function circles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const { to } of EDGES.get(v) ?? []) {
      if (!idx.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v) as number, low.get(to) as number));
      } else if (on.has(to)) low.set(v, Math.min(low.get(v) as number, idx.get(to) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (EDGES.get(v) ?? []).some((e) => e.to === v)) out.push(scc.sort());
    }
  };
  for (const f of FILES) if (!idx.has(f)) visit(f);
  return out;
}

/**
 * Modules outside lib/db that open their own transactions over several tables, each for a reason; anything else
 * reads and writes through lib/db (repo.ts and its neighbours).
 */
const TABLE_OWNERS: Record<string, string> = {
  'lib/ingest.ts': 'stores a page’s find with its charges, links and proposal in one transaction',
  'lib/ingest-mail.ts': 'the same for a mail',
  'lib/io/backup.ts': 'a backup reads every table in one read transaction, so it is one moment’s data',
  'lib/io/restore.ts': 'a backup replaces or merges every table in one transaction',
  'lib/app/snapshot.ts': 'the popup’s and dashboard’s first paint reads IndexedDB plainly, before Dexie is loaded',
  'lib/app/store.ts': 'the dashboard’s edits, each a transaction over the tables it changes',
  'lib/proposal/accept.ts': 'accepting a find writes its subscription, charges, price change and status at once',
  'lib/io/import.ts': 'a CSV import adds thousands of rows in one transaction, checked against what is stored',
  'lib/sync/records.ts': 'household sync applies what it received to every shared table in one transaction',
  'lib/sync/engine.ts': 'household sync names the household’s members from the members table',
  'lib/sync/local-db.ts': 'household sync keeps its own bookkeeping in the state table',
  'lib/rights/db.ts':
    'the rights part’s own records (issue 14): a day of use counted against the tracked subscriptions in one transaction, proofs, tab warnings',
};

/** The tables of the database, from its schema. */
const TABLES = [
  ...new Set(
    [...(SOURCE.get('lib/db/schema.ts') as string).matchAll(/^\s+(\w+)!: (?:EntityTable|Table)</gm)].map(
      (m) => m[1] as string,
    ),
  ),
];

describe('architecture', () => {
  it('reads the sources it checks', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(TABLES).toEqual(expect.arrayContaining(['subscriptions', 'charges', 'detections']));
    // The import reader sees both kinds of import.
    expect(specifiers("import { a } from './a';\nimport type { B } from \"../b\";\nconst c = import('./c');")).toEqual([
      { spec: './a', typeOnly: false },
      { spec: '../b', typeOnly: true },
      { spec: './c', typeOnly: false },
    ]);
  });

  it('views (components/) never import the database or the browser', () => {
    const bad = [...SOURCE]
      .filter(([f]) => f.startsWith('components/'))
      .flatMap(([f, text]) =>
        specifiers(text)
          .filter(({ spec, typeOnly }) => {
            if (/^(wxt\/browser|webextension-polyfill|dexie)$/.test(spec)) return !typeOnly;
            const to = resolveSpec(f, spec);
            return Boolean(to?.startsWith('lib/db/')) && !typeOnly;
          })
          .map(({ spec }) => `${f} → ${spec}`),
      );
    expect(bad).toEqual([]);
  });

  it('lib/ never imports from entrypoints/ or components/, nor the browser', () => {
    const bad = [...EDGES]
      .filter(([f]) => f.startsWith('lib/'))
      .flatMap(([f, edges]) =>
        edges.filter((e) => !e.to.startsWith('lib/') && !e.typeOnly).map((e) => `${f} → ${e.to}`),
      );
    const browser = [...SOURCE]
      .filter(([f, text]) => f.startsWith('lib/') && /from ['"]wxt\/browser['"]/.test(text))
      .map(([f]) => f);
    expect([...bad, ...browser]).toEqual([]);
  });

  it('has no import circles', () => {
    expect(circles()).toEqual([]);
  });

  it('only lib/db and the named owners touch tables directly', () => {
    const access = new RegExp(
      `\\b(?:db|tx|this\\.db)\\.(?:${TABLES.join('|')})\\.\\w+\\(|\\.table\\(|\\.objectStore\\(`,
    );
    const touching = FILES.filter((f) => !f.startsWith('lib/db/') && access.test(SOURCE.get(f) as string)).sort();
    const unexpected = touching.filter((f) => !(f in TABLE_OWNERS));
    expect(unexpected).toEqual([]);
    // The list stays true: every owner still does.
    expect(Object.keys(TABLE_OWNERS).filter((f) => !touching.includes(f))).toEqual([]);
  });
});
