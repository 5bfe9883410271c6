import type { Table, Transaction } from 'dexie';
import type { z } from 'zod';
import {
  Charge,
  Detection,
  Links,
  Member,
  PriceChange,
  Proof,
  type QuarantineEntry,
  Settings,
  Subscription,
  sameValue,
} from '../../model';

/**
 * The last step of every upgrade, whichever version the data came from: each stored record is checked against
 * TODAY's schema (lib/model), once, after all the migrations have changed its shape. Migrations themselves only
 * change shapes and never validate, so a schema change in a later version can never make an earlier migration
 * set data aside (a record upgrading from version 1 through 2 meets only the schema it ends up under).
 *
 * A record that passes is written back in its parsed form when that differs (links as their normalised href,
 * defaults filled in). One that fails is repaired when the problem is in a part it can do without (an optional
 * field, a link, one entry of a list): that part is dropped, the rest kept, and the original is noted in
 * `quarantine` with what was dropped (`kept: true`). One that cannot be repaired (a required field is wrong) is
 * moved to `quarantine` whole. Nothing is ever dropped without a trace there.
 */

type Row = Record<string, unknown>;

/** How one table's records are checked: the schema, and where in a row the checked value sits. */
export interface TableRule {
  schema: z.ZodType;
  /** The value the schema checks (default: the row itself). */
  valueIn?: (row: Row) => unknown;
  /** The row for a checked value (default: the value itself). */
  rowWith?: (row: Row, value: unknown) => Row;
}

export type TableRules = Record<string, TableRule>;

/** Today's rules: every table whose records have a schema. */
export const CURRENT_RULES: TableRules = {
  subscriptions: { schema: Subscription },
  charges: { schema: Charge },
  priceChanges: { schema: PriceChange },
  detections: { schema: Detection },
  members: { schema: Member },
  settings: { schema: Settings, valueIn: (row) => row.value, rowWith: (row, value) => ({ ...row, value }) },
  serviceLinks: { schema: Links, valueIn: (row) => row.links, rowWith: (row, links) => ({ ...row, links }) },
  proofs: { schema: Proof },
};

/** A record set aside, or noted when part of it was dropped (lib/model `QuarantineEntry`). */
export type { QuarantineEntry } from '../../model';

export interface SettleReport {
  checked: number;
  rewritten: number;
  repaired: number;
  setAside: number;
}

const MAX_REPAIRS = 20;

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${pathText(i.path)}: ${i.message}`)
    .join('; ');
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(root)';
}

/** Removes the part at `path` from a (cloned) value; false when there is nothing there to remove. */
function removeAt(value: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let parent = value as Row | unknown[];
  for (const key of path.slice(0, -1)) {
    const next = (parent as Row)?.[key as string];
    if (next === null || typeof next !== 'object') return false;
    parent = next as Row;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last >= parent.length) return false;
    parent.splice(last, 1);
    return true;
  }
  if (!(String(last) in (parent as Row))) return false;
  delete (parent as Row)[last as string];
  return true;
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.every((p, i) => path[i] === p);

/**
 * Drops the smallest part of `value` that makes the schema's first problem go away: the deepest enclosing part
 * whose removal leaves no problem under it (a link's bad url drops that link; a bad history entry drops that
 * entry). Returns the checked result and what was dropped, or null when only a required part is wrong.
 */
export function repair(schema: z.ZodType, value: unknown): { data: unknown; dropped: string[] } | null {
  const work = structuredClone(value);
  const dropped: string[] = [];
  for (let n = 0; n < MAX_REPAIRS; n++) {
    const r = schema.safeParse(work);
    if (r.success) return { data: r.data, dropped };
    const issue = r.error.issues[0]!;
    let fixed = false;
    for (let len = issue.path.length; len >= 1 && !fixed; len--) {
      const prefix = issue.path.slice(0, len);
      const trial = structuredClone(work);
      if (!removeAt(trial, prefix)) continue;
      const again = schema.safeParse(trial);
      if (again.success || !again.error.issues.some((i) => startsWith(i.path, prefix) || startsWith(prefix, i.path))) {
        removeAt(work, prefix);
        dropped.push(pathText(prefix));
        fixed = true;
      }
    }
    if (!fixed) return null;
  }
  return null;
}

/** Checks every record of the tables `rules` names (see the module comment). Runs inside the upgrade. */
export async function settle(
  tx: Transaction,
  rules: TableRules,
  meta: { version?: number; at: string },
): Promise<SettleReport> {
  const report: SettleReport = { checked: 0, rewritten: 0, repaired: 0, setAside: 0 };
  const quarantine = tx.table('quarantine') as Table<QuarantineEntry & { id?: number }, number>;
  const base = { at: meta.at, ...(meta.version !== undefined ? { version: meta.version } : {}) };
  for (const [name, rule] of Object.entries(rules)) {
    let table: Table<Row>;
    try {
      table = tx.table(name);
    } catch {
      continue; // not in this database's layout
    }
    const keyPath = table.schema.primKey.keyPath as string;
    const valueIn = rule.valueIn ?? ((row: Row) => row);
    const rowWith = rule.rowWith ?? ((_row: Row, value: unknown) => value as Row);
    const rows = await table.toArray();
    for (const row of rows) {
      report.checked++;
      const value = valueIn(row);
      const parsed = rule.schema.safeParse(value);
      if (parsed.success) {
        if (!sameValue(parsed.data, value)) {
          await table.put(rowWith(row, parsed.data));
          report.rewritten++;
        }
        continue;
      }
      const reason = describe(parsed.error.issues);
      const fixed = repair(rule.schema, value);
      if (fixed) {
        await table.put(rowWith(row, fixed.data));
        await quarantine.add({ ...base, table: name, record: row, reason, kept: true, dropped: fixed.dropped });
        report.repaired++;
      } else {
        await quarantine.add({ ...base, table: name, record: row, reason });
        await table.delete(row[keyPath] as string);
        report.setAside++;
      }
    }
  }
  return report;
}
