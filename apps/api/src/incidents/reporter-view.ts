import type { Principal } from '@casebook/access';
import type { IncidentView } from '@casebook/incidents';
import { permits } from '../auth/access-policy';

/**
 * Whether the caller reads this case only as the teacher who reported it (readIncident's `own-report`), not as
 * someone who keeps the file (the board, legal, the school's director, HR for a staff case).
 */
export function readsAsReporterOnly(principal: Principal, view: IncidentView): boolean {
  const resource = { schoolId: view.schoolId, caseKind: view.kind, reportedBy: view.reportedBy };
  const withoutTeacher = { ...principal, roles: principal.roles.filter((role) => role !== 'teacher') };
  return withoutTeacher.roles.length === 0 || !permits('readIncident', withoutTeacher, resource);
}

/**
 * What a reporting teacher sees of their report (#31): what they wrote, the evidence they added, and where the case
 * stands (open or closed, in scope or not, who handles it) — not the file: no correspondence, measures and their
 * reasons, hearings, qualifications, inspector calls, consultations, obligations, outcome text or rationales. The
 * view keeps its shape (api.md's `IncidentView`), with those lists empty.
 */
export function reporterView(view: IncidentView, reporterId: string): IncidentView {
  return {
    ...view,
    outcome: null,
    scope: view.scope ? { ...view.scope, rationale: '' } : null,
    evidence: view.evidence.filter((item) => (item as { addedBy?: string }).addedBy === reporterId),
    correspondence: [],
    measures: [],
    hearings: [],
    qualifications: [],
    inspectorCalls: [],
    managerConsultations: [],
    ...(view.disciplinaryIntentions ? { disciplinaryIntentions: [] } : {}),
    ...(view.dismissalProcedures ? { dismissalProcedures: [] } : {}),
    obligations: [],
    criminalReportDecisions: [],
    ...(view.reclassifications ? { reclassifications: [] } : {}),
    ...(view.removal ? { removal: { intentions: [], placements: [], objections: [] } } : {}),
  };
}
