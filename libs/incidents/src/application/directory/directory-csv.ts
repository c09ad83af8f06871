import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import type { Role } from '../../domain/shared/actor';
import type { DirectoryPersonRecord, DirectorySchoolRecord, SchoolRole } from '../../domain/directory/directory.events';

/** The four files of the administration's export (DIR2), one per kind. */
export type DirectoryFileKind = 'schools' | 'staff' | 'pupils' | 'parents';
export const DIRECTORY_FILE_KINDS: readonly DirectoryFileKind[] = ['schools', 'staff', 'pupils', 'parents'];

/** A bad row: its line in the file (the header is line 1), the column, and what is wrong, in words. */
export interface RowError {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** Problems answered at most (#31 item 5: a file of 1.6 million bad rows answered a 500 after 47 s). */
export const ROW_ERRORS_KEPT = 100;

/** A file's problems: every one counted, the first ROW_ERRORS_KEPT kept to be answered. */
export class RowErrors {
  readonly kept: RowError[] = [];
  count = 0;

  push(error: RowError): void {
    this.count += 1;
    if (this.kept.length < ROW_ERRORS_KEPT) this.kept.push(error);
  }
}

/** Characters handed to the CSV parser at a time; between them the event loop serves other requests. */
const SLICE = 64 * 1024;

export interface PersonRow {
  readonly line: number;
  readonly record: DirectoryPersonRecord;
  readonly leftOn: string | null;
}

export interface SchoolRow {
  readonly line: number;
  readonly record: DirectorySchoolRecord;
}

/** The columns of each file, in the order README documents them; `?` marks an optional one. */
export const DIRECTORY_COLUMNS: Readonly<Record<DirectoryFileKind, readonly string[]>> = {
  schools: ['schoolId', 'brin', 'name', 'holidayRegion', 'schoolDayEndsAt'],
  staff: ['personId', 'name', 'email', 'roles', 'startedOn', 'leftOn?'],
  pupils: ['personId', 'name', 'dateOfBirth', 'schoolId', 'group', 'enrolledOn', 'leftOn?'],
  parents: ['personId', 'name', 'email?', 'phone?', 'authorityOver'],
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const BRIN = /^\d{2}[A-Z]{2}$/;
const ROLES: readonly Role[] = ['teacher', 'director', 'board', 'hr', 'legal'];
/** Board-wide roles: no school after them. */
const BOARD_WIDE: readonly Role[] = ['board', 'hr', 'legal'];

const isDay = (value: string) =>
  DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** One row's cells, checked column by column; every problem is collected, none stops the others. */
class Cells {
  constructor(
    private readonly cells: Readonly<Record<string, string | undefined>>,
    readonly line: number,
    private readonly errors: RowErrors,
    /** Between the items of a list cell: `|`, or whichever of `;` and `,` does not separate the columns. */
    private readonly listSeparator: RegExp,
  ) {}

  private fail(field: string, message: string): null {
    this.errors.push({ line: this.line, field, message });
    return null;
  }

  private raw(field: string): string {
    return (this.cells[field] ?? '').trim();
  }

  text(field: string, max = 200): string | null {
    const value = this.raw(field);
    if (!value) return this.fail(field, 'is required');
    if (value.length > max) return this.fail(field, `is longer than ${max} characters`);
    return value;
  }

  optional(field: string): string | null {
    return this.raw(field) || null;
  }

  matching(field: string, pattern: RegExp, what: string, required = true): string | null {
    const value = this.raw(field);
    if (!value) return required ? this.fail(field, 'is required') : null;
    return pattern.test(value) ? value : this.fail(field, `must be ${what}`);
  }

  day(field: string, required = true): string | null {
    const value = this.raw(field);
    if (!value) return required ? this.fail(field, 'is required') : null;
    return isDay(value) ? value : this.fail(field, 'must be a calendar day, YYYY-MM-DD');
  }

  /** A day not before `earlier` (both given). */
  notBefore(field: string, value: string | null, earlier: string | null, earlierField: string): string | null {
    if (value && earlier && value < earlier) return this.fail(field, `lies before ${earlierField}`);
    return value;
  }

  list(field: string, pattern: RegExp, what: string): string[] | null {
    const value = this.raw(field);
    if (!value) return this.fail(field, 'is required');
    const items = value
      .split(this.listSeparator)
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.find((item) => !pattern.test(item));
    return bad === undefined ? items : this.fail(field, `holds "${bad}", which is not ${what}`);
  }

  roles(field: string): SchoolRole[] | null {
    const items = this.list(field, /^[a-z]+(?:@[A-Za-z0-9_-]{1,64})?$/, 'a role or role@schoolId');
    if (!items) return null;
    const roles: SchoolRole[] = [];
    for (const item of items) {
      const [role, schoolId] = item.split('@') as [string, string | undefined];
      if (!ROLES.includes(role as Role)) return this.fail(field, `holds the role "${role}"; roles are ${ROLES.join(', ')}`);
      if (BOARD_WIDE.includes(role as Role) ? schoolId !== undefined : schoolId === undefined) {
        return this.fail(field, BOARD_WIDE.includes(role as Role) ? `${role} is board-wide: no @school` : `${role} is held at a school: ${role}@schoolId`);
      }
      roles.push({ role: role as Role, schoolId: schoolId ?? null });
    }
    return roles;
  }
}

/**
 * Reads one file: the header names the columns, separated by `,` or — as Dutch spreadsheets write it — `;` (the
 * header says which), a row per line; `errors` counts every bad row. Parsed as a stream, a slice at a time, so a
 * large file never holds the event loop (#31 item 5: `/health/live` waited 13 s behind a 50 MB file).
 */
async function* rowsOf(kind: DirectoryFileKind, text: string, errors: RowErrors): AsyncGenerator<Cells> {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  const listSeparator = delimiter === ',' ? /[;|]/ : /[,|]/;
  const parser = Readable.from(slices(text)).pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim()),
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
      trim: false,
    }),
  );
  let header: Set<string> | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!header) header = checkHeader(kind, Object.keys(record), errors);
      yield new Cells(record, info.lines, errors, listSeparator);
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    errors.push({ line, field: '', message: `is not CSV this import reads: ${(error as Error).message.split('\n')[0]}` });
    return;
  }
  if (!header) checkHeader(kind, headerLine.split(delimiter), errors);
}

/** The text in slices, with a turn of the event loop before each (never splitting a character in two). */
async function* slices(text: string): AsyncGenerator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end += 1;
    await nextTurn();
    yield text.slice(start, end);
    start = end;
  }
}

function checkHeader(kind: DirectoryFileKind, names: readonly string[], errors: RowErrors): Set<string> {
  const header = new Set(names.map((name) => name.trim()));
  const columns = DIRECTORY_COLUMNS[kind];
  for (const column of columns)
    if (!column.endsWith('?') && !header.has(column)) errors.push({ line: 1, field: column, message: 'column is missing from the header' });
  for (const name of header)
    if (!columns.includes(name) && !columns.includes(`${name}?`))
      errors.push({ line: 1, field: name, message: `is not a column of the ${kind} file (${columns.map((c) => c.replace('?', '')).join(', ')})` });
  return header;
}

/** The schools file (DIR1): every row checked; ids unique within the file. */
export async function parseSchoolsCsv(text: string): Promise<{ rows: SchoolRow[]; errors: RowErrors }> {
  const errors = new RowErrors();
  const rows: SchoolRow[] = [];
  for await (const cells of rowsOf('schools', text, errors)) {
    const schoolId = cells.matching('schoolId', ID, '1–64 letters, digits, - or _');
    const brin = cells.matching('brin', BRIN, 'a BRIN code: two digits and two capitals, such as 12AB');
    const name = cells.text('name');
    const holidayRegion = cells.matching('holidayRegion', /^(?:noord|midden|zuid)$/, 'noord, midden or zuid');
    const schoolDayEndsAt = cells.matching('schoolDayEndsAt', TIME, 'a time of day, HH:MM');
    if (schoolId && brin && name && holidayRegion && schoolDayEndsAt)
      rows.push({
        line: cells.line,
        record: { schoolId, brin, name, holidayRegion: holidayRegion as DirectorySchoolRecord['holidayRegion'], schoolDayEndsAt },
      });
  }
  duplicates(
    rows.map((row) => [row.line, row.record.schoolId]),
    'schoolId',
    errors,
  );
  return { rows, errors };
}

/** The staff, pupils or parents file (DIR1): every row checked; ids unique within the file. */
export async function parsePeopleCsv(kind: Exclude<DirectoryFileKind, 'schools'>, text: string): Promise<{ rows: PersonRow[]; errors: RowErrors }> {
  const errors = new RowErrors();
  const rows: PersonRow[] = [];
  for await (const cells of rowsOf(kind, text, errors)) {
    const before = errors.count;
    const personId = cells.matching('personId', ID, '1–64 letters, digits, - or _');
    const name = cells.text('name');
    const base = {
      personId: personId ?? '',
      name: name ?? '',
      email: null,
      phone: null,
      dateOfBirth: null,
      schoolId: null,
      group: null,
      startedOn: null,
      roles: [],
      authorityOver: [],
    };
    let record: DirectoryPersonRecord | null = null;
    let leftOn: string | null = null;
    if (kind === 'staff') {
      const email = cells.matching('email', EMAIL, 'an e-mail address');
      const roles = cells.roles('roles');
      const startedOn = cells.day('startedOn');
      leftOn = cells.notBefore('leftOn', cells.day('leftOn', false), startedOn, 'startedOn');
      record = { ...base, kind: 'staff', email, roles: roles ?? [], startedOn };
    } else if (kind === 'pupils') {
      const dateOfBirth = cells.day('dateOfBirth');
      const schoolId = cells.matching('schoolId', ID, '1–64 letters, digits, - or _');
      const group = cells.text('group', 20);
      const enrolledOn = cells.notBefore('enrolledOn', cells.day('enrolledOn'), dateOfBirth, 'dateOfBirth');
      leftOn = cells.notBefore('leftOn', cells.day('leftOn', false), enrolledOn, 'enrolledOn');
      record = { ...base, kind: 'pupil', dateOfBirth, schoolId, group, startedOn: enrolledOn };
    } else {
      const email = cells.matching('email', EMAIL, 'an e-mail address', false);
      const phone = cells.matching('phone', PHONE, 'a phone number (digits, spaces, +, -, brackets)', false);
      const authorityOver = cells.list('authorityOver', ID, 'a pupil id');
      record = { ...base, kind: 'parent', email, phone, authorityOver: authorityOver ?? [] };
    }
    if (errors.count === before) rows.push({ line: cells.line, record, leftOn });
  }
  duplicates(
    rows.map((row) => [row.line, row.record.personId]),
    'personId',
    errors,
  );
  return { rows, errors };
}

function duplicates(ids: readonly (readonly [number, string])[], field: string, errors: RowErrors): void {
  const first = new Map<string, number>();
  for (const [line, id] of ids) {
    const earlier = first.get(id);
    if (earlier !== undefined) errors.push({ line, field, message: `${id} is in the file twice (line ${earlier} too)` });
    else first.set(id, line);
  }
}
