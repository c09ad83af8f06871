import type { RetentionFacts } from '@casebook/privacy';
import type { DataSource } from 'typeorm';
import { ReadModelCatalog } from '../runtime/read-model-catalog';

/** A person whose departure is recorded, with what decides their retention (the policy's input). */
export type RetentionCandidate = RetentionFacts;

function schemaOf(source: DataSource): string {
  return `"${(source.options as { schema?: string }).schema ?? ReadModelCatalog.schemaOf('privacy-register', 1)}"`;
}

/**
 * Everyone whose retention clock runs (domain spec, Privacy, revision 2): pupils and staff from their recorded
 * departure; parents and others once every case they appear in is closed, from the last closing. Serious (kept
 * longer) only for the perpetrator of a case with a police report filed or a dismissal (procedure).
 */
export async function findRetentionCandidates(source: DataSource): Promise<RetentionCandidate[]> {
  const schema = schemaOf(source);
  const seriousForThem = `coalesce(bool_or(s.incident_id IS NOT NULL AND cp.role = 'perpetrator'), false)`;
  const heldCases = `coalesce(array_agg(DISTINCT h.incident_id) FILTER (WHERE h.incident_id IS NOT NULL), '{}')`;
  const rows = await source.query(
    `SELECT d.person_id, d.person_kind, to_char(d.left_on, 'YYYY-MM-DD') AS left_on, ${seriousForThem} AS serious, ${heldCases} AS held_cases, e.erased_at
       FROM ${schema}.departures d
       LEFT JOIN ${schema}.case_people cp ON cp.person_id = d.person_id
       LEFT JOIN ${schema}.serious_cases s ON s.incident_id = cp.incident_id
       LEFT JOIN ${schema}.legal_holds h ON h.incident_id = cp.incident_id AND h.held
       LEFT JOIN ${schema}.erasures e ON e.person_id = d.person_id
      GROUP BY d.person_id, d.person_kind, d.left_on, e.erased_at
     UNION ALL
     SELECT cp.person_id, min(cp.person_kind), to_char(max(c.closed_on), 'YYYY-MM-DD'), ${seriousForThem}, ${heldCases}, e.erased_at
       FROM ${schema}.case_people cp
       LEFT JOIN ${schema}.case_closures c ON c.incident_id = cp.incident_id
       LEFT JOIN ${schema}.serious_cases s ON s.incident_id = cp.incident_id
       LEFT JOIN ${schema}.legal_holds h ON h.incident_id = cp.incident_id AND h.held
       LEFT JOIN ${schema}.erasures e ON e.person_id = cp.person_id
      WHERE cp.person_kind IN ('parent', 'external') AND NOT EXISTS (SELECT 1 FROM ${schema}.departures d WHERE d.person_id = cp.person_id)
      GROUP BY cp.person_id, e.erased_at
     HAVING bool_and(c.closed_on IS NOT NULL)
      ORDER BY 1`,
  );
  return (
    rows as {
      person_id: string;
      person_kind: RetentionCandidate['personKind'];
      left_on: string;
      serious: boolean;
      held_cases: string[];
      erased_at: Date | string | null;
    }[]
  ).map((row) => ({
    personId: row.person_id,
    personKind: row.person_kind,
    leftOn: row.left_on,
    serious: row.serious,
    heldCases: row.held_cases,
    erasedAt: row.erased_at === null ? null : new Date(row.erased_at).toISOString(),
  }));
}

/** The cases of this person under a legal hold now (erasure waits until they are lifted). */
export async function findHeldCasesOf(source: DataSource, personId: string): Promise<string[]> {
  const schema = schemaOf(source);
  const rows = (await source.query(
    `SELECT cp.incident_id FROM ${schema}.case_people cp JOIN ${schema}.legal_holds h ON h.incident_id = cp.incident_id AND h.held WHERE cp.person_id = $1 ORDER BY 1`,
    [personId],
  )) as { incident_id: string }[];
  return rows.map((row) => row.incident_id);
}

/** The cases this person appears in. */
export async function findCasesOf(source: DataSource, personId: string): Promise<string[]> {
  const rows = (await source.query(`SELECT incident_id FROM ${schemaOf(source)}.case_people WHERE person_id = $1 ORDER BY 1`, [personId])) as {
    incident_id: string;
  }[];
  return rows.map((row) => row.incident_id);
}
