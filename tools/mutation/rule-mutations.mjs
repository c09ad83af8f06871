#!/usr/bin/env node
// Removes each rule's code in turn and runs the tests that name the rule: every mutation must make one of them fail
// (issue #3: "a test whose name carries its id, and which fails if the rule's code is removed").
// Usage: npm run mutate:rules [-- RULE ...]. The working tree is never touched: each worker mutates a copy of it.
//
// The code is found by its tokens (source-tokens.mjs), so the formatter may rewrap it (decisions: "Rule mutations
// by tokens"). A mutation runs only the spec files under its suites that name the rule, and only the tests that do
// (--testNamePattern): "killed" means a test naming the rule failed, not any test. Two workers, one per core.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findTokens } from './source-tokens.mjs';

const D = 'libs/incidents/src/domain';
/** [rule, file, the code as it is, the code with the rule removed, the folders or spec files that must notice (default: the domain's specs)] */
const MUTATIONS = [
  [
    'SC1',
    `${D}/case/case.decider.ts`,
    "if (!rules.categories.includes(data.category)) return refuse('SC1', `Category ${data.category} is not one of a ${rules.kind}'s`);",
    "if (false) return refuse('SC1', '');",
  ],
  [
    'SC1',
    `${D}/case/case.decider.ts`,
    "if (!rules.categories.includes(data.category)) return refuse('SC1', `Category ${data.category} is not one of a ${rules.kind}'s: a case is reclassified within its kind`);",
    'if (false) return undefined;',
  ],
  ['SC2', `${D}/case/case.decider.ts`, "if (!data.inScope && state.category === 'cyberbullying')", 'if (false)'],
  ['F1', `${D}/staff-misconduct/staff-misconduct-kind.rules.ts`, "file: 'personnel-file',", "file: 'pupil-file',"],
  [
    'F2',
    `${D}/pupil-incident/pupil-incident-kind.rules.ts`,
    "const filed = perpetrators.length ? perpetrators : pupils.filter((p) => p.role === 'victim');",
    'const filed = pupils;',
  ],
  ['F2', `${D}/pupil-incident/pupil-incident-kind.rules.ts`, 'if (unknown.length) return', 'if (false) return'],
  ['F3', `${D}/case/case.decider.ts`, "if (!data.summary.trim()) return refuse('F3'", "if (false) return refuse('F3'"],
  ['P1', `${D}/pupil-incident/measure.decider.ts`, "if (!state.involved.some((p) => p.personId === data.subjectId && p.personKind === 'pupil'))", 'if (false)'],
  [
    'P2',
    `${D}/pupil-incident/measure.decider.ts`,
    'informParentsObligation(ids.informParents, data.measureId, context.now, policy.informParentsWithinHours),',
    '',
  ],
  ['P3', `${D}/pupil-incident/measure.decider.ts`, "if (data.measure === 'removal' && actor.role !== 'board')", 'if (false)'],
  [
    'P4',
    `${D}/criminal-report/criminal-report.decider.ts`,
    "if (actor.role !== 'director' && actor.role !== 'board') return refuse('P4'",
    "if (false) return refuse('P4'",
  ],
  ['P5', `${D}/pupil-incident/measure.decider.ts`, 'if (chained.length > MAX_SUSPENSION_SCHOOL_DAYS) {', 'if (false) {'],
  ['P5', `${D}/pupil-conduct/suspension-booking.decider.ts`, 'if (chained.length > MAX_SUSPENSION_SCHOOL_DAYS) {', 'if (false) {'],
  [
    'DIR2',
    `${D}/directory/directory.decider.ts`,
    "if (state.record && state.record.kind !== record.kind) return refuse('DIR2'",
    "if (false) return refuse('DIR2'",
  ],
  ['DIR2', `${D}/directory/directory.decider.ts`, 'if (changed.length) events.push', 'if (false) events.push'],
  ['DIR3', `${D}/privacy/privacy.decider.ts`, "if (!actsForSchool(actor, command.data.schoolId)) return refuse('DIR3'", "if (false) return refuse('DIR3'"],
  [
    'DIR1',
    `${D}/directory/directory.decider.ts`,
    "if (!state.record) events.push({ type: 'PersonRegistered', data: record });",
    "if (false) events.push({ type: 'PersonRegistered', data: record });",
  ],
  ['CAL1', `${D}/shared/calendar.ts`, 'return !isWeekend(date) && !holidaysOf(date.year, calendar).has(isoDateOf(date));', 'return !isWeekend(date);'],
  ['P5', `${D}/shared/calendar.ts`, 'return !ranges.some((range) => range.from <= day && day <= range.to);', 'return true;'],
  [
    'P5',
    `${D}/pupil-incident/pupil-incident.decider.ts`,
    "if ((measure === 'suspension' || measure === 'removal') && !WRITTEN.includes(data.channel))",
    'if (false)',
  ],
  [
    'P5',
    `${D}/pupil-incident/inspectorate-report.decider.ts`,
    'const obligationId = reports[regarding];\n  if (!obligationId) {',
    'const obligationId = reports[regarding];\n  if (false) {',
  ],
  ['P6', `${D}/pupil-incident/measure.decider.ts`, '    if (unprepared) return unprepared;', ''],
  ['P6', `${D}/pupil-incident/removal.decider.ts`, "    ...(heard.some((h) => h.heardAs === 'parent') ? [] : [\"the pupil's parents\"]),", ''],
  ['P6', `${D}/pupil-incident/removal.decider.ts`, "if (!heard) return refuse('P6'", "if (false) return refuse('P6'"],
  ['P6', `${D}/pupil-incident/removal.decider.ts`, "if (data.outcome === 'search-ended' && isAfter(removal.placementDueAt, data.decidedAt)) {", 'if (false) {'],
  [
    'P6',
    `${D}/pupil-incident/removal.decider.ts`,
    'closesObligationIds: removal.objected || late ? [] : [removal.windowObligationId],',
    'closesObligationIds: [],',
  ],
  ['E1', `${D}/pupil-conduct/email-account.decider.ts`, "if (data.until <= context.now.slice(0, 10)) return refuse('E1'", "if (false) return refuse('E1'"],
  [
    'E2',
    `${D}/pupil-conduct/email-account.decider.ts`,
    '        // rule E2: the user or the parents are informed of the suspension, with the reason.\n        obligations: [\n          informParentsObligation(data.informParentsObligationId, data.actionId, context.now, policy.informParentsWithinHours),\n        ],',
    '        obligations: [],',
  ],
  [
    'E3',
    `${D}/pupil-conduct/email-account.decider.ts`,
    '        // rule E3: parents are informed as soon as possible, with the reason.\n        obligations: [\n          informParentsObligation(data.informParentsObligationId, data.actionId, context.now, policy.informParentsWithinHours),\n        ],',
    '        obligations: [],',
  ],
  ['M1', `${D}/pupil-conduct/device-custody.decider.ts`, '    return data.endOfSchoolDay;\n', '    return data.endOfNextSchoolDay;\n'],
  [
    'M1',
    `${D}/pupil-conduct/device-custody.decider.ts`,
    'const schoolYear = schoolYearOf(data.takenAt, policy);',
    'const schoolYear = schoolYearOf(context.now, policy);',
  ],
  ['FACT1', `${D}/pupil-conduct/device-custody.decider.ts`, '        takenAt: data.takenAt,', '        takenAt: context.now,'],
  [
    'TC1',
    `${D}/pupil-conduct/pupil-conduct.decider.ts`,
    "const teacherTakes = actor.role === 'teacher' && command.type === 'TakeDeviceIntoCustody';",
    'const teacherTakes = false;',
  ],
  ['M2', `${D}/pupil-conduct/device-custody.decider.ts`, 'if (offenceNumber >= 2) {', 'if (offenceNumber >= 3) {'],
  [
    'M3',
    `${D}/pupil-conduct/device-custody.decider.ts`,
    "if (data.custodyUntil === undefined) {\n    return refuse('M3'",
    "if (data.custodyUntil === undefined) {\n    return data.endOfNextSchoolDay;\n    return refuse('M3'",
  ],
  ['M4', `${D}/pupil-conduct/device-custody.decider.ts`, "if (data.pupilPresent !== true) return refuse('M4'", "if (false) return refuse('M4'"],
  [
    'M5',
    `${D}/pupil-conduct/device-custody.decider.ts`,
    'const offenceNumber = (state.offencesBySchoolYear[schoolYear] ?? 0) + 1;',
    'const offenceNumber = 1;',
  ],
  ['M6', `${D}/pupil-conduct/device-custody.decider.ts`, "if (custody.returned) return refuse('M6'", "if (false) return refuse('M6'"],
  [
    'M6',
    `${D}/pupil-conduct/device-custody.decider.ts`,
    'if (custody.returned || custody.overdue || !isAfter(command.context.now, custody.custodyUntil)) return [];',
    'if (custody.overdue) return [];',
  ],
  [
    'S8',
    `${D}/staff-misconduct/inspector.decider.ts`,
    "if (context.actor.role !== 'board') {\n    return refuse(data.qualification === 'boundary-crossing' ? 'B1' : 'S8'",
    "if (false) {\n    return refuse(data.qualification === 'boundary-crossing' ? 'B1' : 'S8'",
  ],
  ['S9', `${D}/staff-misconduct/disciplinary.decider.ts`, "if (context.actor.role !== 'board') return refuse('S9'", "if (false) return refuse('S9'"],
  ['S9', `${D}/staff-misconduct/disciplinary.decider.ts`, "if (subject.role !== 'perpetrator') return refuse(rule", 'if (false) return refuse(rule'],
  ['S9', `${D}/staff-misconduct/disciplinary.decider.ts`, 'if (state.qualifications.length === 0) return refuse', 'if (false) return refuse'],
  ['S12', `${D}/staff-misconduct/disciplinary.decider.ts`, "if (intentions.length === 0) return refuse('S12'", "if (false) return refuse('S12'"],
  ['S12', `${D}/staff-misconduct/disciplinary.decider.ts`, "if (!heardAfter) return refuse('S12'", "if (false) return refuse('S12'"],
  [
    'S13',
    `${D}/staff-misconduct/disciplinary.decider.ts`,
    "if (data.measure === 'dismissal') {\n    return refuse('S13'",
    "if (false) {\n    return refuse('S13'",
  ],
  [
    'S13',
    `${D}/staff-misconduct/dismissal-procedure.decider.ts`,
    'if (Object.values(state.dismissalProcedures).some((p) => p.subjectId === data.subjectId && !p.concluded)) {',
    'if (false) {',
  ],
  ['S11', `${D}/staff-misconduct/disciplinary.decider.ts`, 'if (isAfter(data.communicatedAt, withinDays) && !data.delayReason?.trim()) {', 'if (false) {'],
  [
    'S10',
    `${D}/staff-record/staff-record.decider.ts`,
    "if (actor.id !== data.staffId && actor.role !== 'director' && actor.role !== 'board') {",
    'if (false) {',
  ],
  ['S10', `${D}/staff-misconduct/disciplinary.decider.ts`, "if (!data.summary.trim()) return refuse('S10'", "if (false) return refuse('S10'"],
  ['S11', `${D}/staff-misconduct/disciplinary.decider.ts`, "if (!data.communicatedAt) return refuse('S11'", "if (false) return refuse('S11'"],
  ['B1', `${D}/staff-misconduct/inspector.decider.ts`, "if (data.qualification !== 'boundary-crossing') return [qualified];", 'return [qualified];'],
  ['B2', `${D}/criminal-report/criminal-report.decider.ts`, "if (!data.rationale.trim()) return refuse('B2'", "if (false) return refuse('B2'"],
  ['B3', `${D}/criminal-report/criminal-report.decider.ts`, "if (state.statutory && data.source.statutoryConclusion === 'reasonable-suspicion')", 'if (false)'],
  [
    'E4',
    `${D}/consent/consent.decider.ts`,
    "if (data.purpose === 'mailbox' && data.givenBy !== 'parents') return refuse('E4'",
    "if (false) return refuse('E4'",
  ],
  ['CON1', `${D}/consent/consent-giver.ts`, "if (givenBy === 'pupil' && (age === null || age < CONSENT_AGE)) {", 'if (false) {'],
  ['CON1', `${D}/consent/consent-giver.ts`, "if (givenBy === 'parents' && age !== null && age >= CONSENT_AGE) return", 'if (false) return'],
  [
    'R1',
    `${D}/consent/consent.decider.ts`,
    "if (actor.role !== 'director' || !actsForSchool(actor, data.schoolId)) return refuse('R1'",
    "if (false) return refuse('R1'",
  ],
  ['R2', `${D}/consent/consent.decider.ts`, "if (state.status[purpose] !== 'given') return refuse(rule", 'if (false) return refuse(rule'],
  ['CLOSE1', `${D}/case/case.decider.ts`, '  if (left.length) {', '  if (false) {'],
  [
    'CLOSE1',
    `${D}/pupil-incident/pupil-incident.decider.ts`,
    "const fact = command.type === 'RecordParentsInformedOfMeasure' || command.type === 'RecordInspectorateReport';",
    'const fact = false;',
  ],
  ['B3', `${D}/case/case.decider.ts`, "if (state.statutory) return refuse('B3'", "if (false) return refuse('B3'"],
  ['B3', `${D}/case/case.decider.ts`, "if (kind === 'inspector-call-statutory') return refuse('B3'", "if (false) return refuse('B3'"],
  ['B3', `${D}/criminal-report/criminal-report.decider.ts`, 'if (state.statutory && data.source.statutoryConclusion === null) {', 'if (false) {'],
  ['B3', `${D}/case/case.decider.ts`, 'if (state.statutory && data.openCriminalReportDecisions?.length) {', 'if (false) {'],
  ['CI1', `${D}/case/case.decider.ts`, 'if (excludedFromCase(actor.id, state.involved, state.heardPeople)) return refuse', 'if (false) return refuse'],
  [
    'CI1',
    `${D}/criminal-report/criminal-report.decider.ts`,
    "if (data.source.excluded?.includes(context.actor.id)) return refuse('CI1'",
    "if (false) return refuse('CI1'",
  ],
  ['COR1', `${D}/case/case.decider.ts`, "if (data.category === state.category) return refuse('COR1'", "if (false) return refuse('COR1'"],
  [
    'COR1',
    `${D}/staff-misconduct/staff-misconduct.decider.ts`,
    'if (isRuleViolation(reclassified) || command.data.category !== B3_CATEGORY || state.statutory) return reclassified;',
    'return reclassified;',
  ],
  [
    'COR1',
    `${D}/pupil-incident/pupil-incident.state.ts`,
    'suspensions: state.suspensions.filter((s) => s.measureId !== event.data.withdrawnId)',
    'suspensions: state.suspensions',
  ],
  ['P7', `${D}/pupil-incident/measure.decider.ts`, "if (parent && parent.role !== 'perpetrator') return refuse('P7'", "if (false) return refuse('P7'"],
  [
    'P7',
    `${D}/pupil-incident/measure.decider.ts`,
    "if (!(PARENT_MEASURES as readonly string[]).includes(data.measure)) return refuse('P7'",
    "if (false) return refuse('P7'",
  ],
  [
    'P7',
    `${D}/pupil-incident/pupil-incident.decider.ts`,
    'if (state.parentMeasures.includes(data.regarding) && !WRITTEN.includes(data.channel)) {',
    'if (false) {',
  ],
  ['B3', `${D}/criminal-report/criminal-report.decider.ts`, 'state.statutory && data.noticeObligationIds', 'false && data.noticeObligationIds'],
  ['E4', `${D}/pupil-conduct/email-account.decider.ts`, 'return consented ? undefined : refuse(', 'return true ? undefined : refuse('],
  [
    'B4',
    `${D}/case/case.decider.ts`,
    '// rule B4: what happened cannot lie after the moment it is recorded.\n  if (isAfter(data.occurredAt, context.now))',
    '\n  if (false)',
  ],
  // COR1 (#32): a qualification withdrawn by its id; S9 follows the withdrawal.
  [
    'COR1',
    `${D}/staff-misconduct/staff-misconduct.decider.ts`,
    'if (!state.measureKinds[data.withdrawnId] && !state.qualificationKinds[data.withdrawnId])',
    'if (!state.measureKinds[data.withdrawnId])',
    [`${D}/staff-misconduct`, 'test/e2e/staff-discipline.e2e-spec.ts'],
  ],
  [
    'S9',
    `${D}/staff-misconduct/staff-misconduct.state.ts`,
    'return withdrawnQualification ? { ...next, qualifications: state.qualifications.filter((q) => q !== withdrawnQualification) } : next;',
    'return next;',
    [`${D}/staff-misconduct`, 'test/e2e/staff-discipline.e2e-spec.ts'],
  ],
  // P6 with the directory (#32): the class teacher teaches at the pupil's school.
  [
    'P6',
    'libs/incidents/src/application/pupil-facts.ts',
    'if (pupilSchool && known.teacherAt.includes(pupilSchool)) return undefined;',
    'return undefined;',
    ['test/e2e/directory-import.e2e-spec.ts'],
  ],
  // CI1 through a file (#32): kept at the HTTP edge, where the files are read.
  [
    'CI1',
    'apps/api/src/reads/conflict-of-interest.guard.ts',
    "throw new ForbiddenException({ detail: 'CI1: this file holds a case you are involved in, and you do not read it', rule: 'CI1' });",
    'return;',
    ['test/e2e/conflict-of-interest.e2e-spec.ts'],
  ],
  // B3 (#32): a staff member or volunteer; the volunteer's case in their personnel file.
  [
    'B3',
    `${D}/staff-misconduct/staff-misconduct-kind.rules.ts`,
    "involved.some((p) => worksAtSchool(p.personKind) && p.role === 'perpetrator')",
    "involved.some((p) => p.personKind === 'staff' && p.role === 'perpetrator')",
    ['test/e2e/staff-and-criminal-report.e2e-spec.ts'],
  ],
  // B3 with FACT1 (#32): notices open at the filing are due at it; a notice after the filing says so.
  [
    'B3',
    `${D}/criminal-report/criminal-report.decider.ts`,
    '...(Object.keys(state.noticesOpen).length ? { noticesDueAtFiling: Object.values(state.noticesOpen) } : {}),',
    '',
    [`${D}/criminal-report`, 'test/e2e/close-with-obligations.e2e-spec.ts'],
  ],
  [
    'FACT1',
    `${D}/criminal-report/criminal-report.decider.ts`,
    '...(state.policeReportFiledAt && isAfter(data.informedAt, state.policeReportFiledAt) ? { afterPoliceReport: true } : {}),',
    '',
    [`${D}/criminal-report`, 'test/e2e/close-with-obligations.e2e-spec.ts'],
  ],
  // DIR1 (#31): the directory's school of a pupil, not the body's; the application layer keeps it (the black-box suite must notice).
  [
    'DIR1',
    'libs/incidents/src/application/pupil-facts.ts',
    'if (!known || known === named) return undefined;',
    'return undefined;',
    ['test/e2e/cross-school-pupils.e2e-spec.ts'],
  ],
  [
    'DIR1',
    'libs/incidents/src/application/pupil-facts.ts',
    'if (!known || actor.schools.includes(known)) return undefined;',
    'return undefined;',
    ['test/e2e/cross-school-pupils.e2e-spec.ts'],
  ],
  [
    'DIR1',
    'libs/incidents/src/application/pupil-facts.ts',
    'if (!known || known.boardWide || known.schoolIds.some((schoolId) => schoolIds.includes(schoolId))) return undefined;',
    'return undefined;',
    ['test/e2e/cross-school-pupils.e2e-spec.ts'],
  ],
  [
    'DIR1',
    'apps/api/src/reads/dossier-reads.controller.ts',
    "const ownPupil = known !== null && permits('readPupilFile', principal, { schoolId: known });",
    'const ownPupil = false;',
    ['test/e2e/cross-school-pupils.e2e-spec.ts'],
  ],
  // DIR4 is kept at the HTTP edge (who a session or a token's subject is): its black-box suites must notice.
  [
    'DIR4',
    'apps/api/src/auth/session/directory-principal.ts',
    'if (state.leftOn && state.leftOn <= today) return null;',
    '',
    ['test/e2e/sign-in.e2e-spec.ts', 'test/e2e/oidc-sign-in.e2e-spec.ts'],
  ],
  [
    'DIR4',
    'apps/api/src/auth/session/directory-principal.ts',
    "if (departed?.personKind === 'staff' && departed.leftOn <= today) return null;",
    '',
    ['test/e2e/token-roles-directory.e2e-spec.ts'],
  ],
  [
    'DIR4',
    'apps/api/src/auth/bearer-auth.guard.ts',
    "if (this.runtime.config.auth.tokenRoles === 'claims') return verified;",
    'return verified;',
    ['test/e2e/token-roles-directory.e2e-spec.ts'],
  ],
  [
    'DIR4',
    'apps/api/src/auth/session/auth.controller.ts',
    'if (!(await principalFromDirectory(this.runtime, personId))) throw new LoginRefused(403',
    'if (false) throw new LoginRefused(403',
    ['test/e2e/oidc-sign-in.e2e-spec.ts'],
  ],
  [
    'DIR4',
    'libs/platform/src/config/app-config.ts',
    "['claims', 'directory'] as const, 'directory')",
    "['claims', 'directory'] as const, 'claims')",
    ['libs/platform/'],
  ],
];

const root = resolve(import.meta.dirname, '..', '..');
const only = new Set(process.argv.slice(2));
const selected = MUTATIONS.filter(([rule]) => only.size === 0 || only.has(rule));
const WORKERS = Math.max(1, Number(process.env.MUTATION_WORKERS ?? 2));

/** A copy of the tree for one worker: sources copied, node_modules linked, ../shared beside it as in CI. */
function workTree(base, n) {
  const dir = join(base, `w${n}`, 'main');
  for (const entry of ['apps', 'libs', 'test', 'tools', 'jest.config.js', 'tsconfig.json', 'tsconfig.base.json', 'package.json']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(resolve(root, '..', 'shared'), join(base, `w${n}`, 'shared'), 'dir');
  return dir;
}

const specFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? specFiles(join(dir, entry.name)) : /\.(e2e-|int-)?spec\.ts$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
/** A rule id as a whole word, for file contents and test names alike. */
const named = (rule) => `(^|[^A-Za-z0-9])${rule}([^A-Za-z0-9]|$)`;

/** Runs jest in `dir` on `files`, only the tests whose names carry `rule`; resolves with jest's JSON report. */
function jest(dir, files, rule) {
  const report = join(dir, `report-${rule}-${Date.now()}.json`);
  const args = [
    '--disable-warning=ExperimentalWarning',
    '--experimental-vm-modules',
    join('node_modules', 'jest', 'bin', 'jest.js'),
    '--silent',
    '--ci',
    '--json',
    `--outputFile=${report}`,
    '--testNamePattern',
    named(rule),
    '--runTestsByPath',
    ...files,
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('close', () => {
      try {
        done(JSON.parse(readFileSync(report, 'utf8')));
      } catch {
        done({ error: stderr });
      }
    });
  });
}

/** Applies one mutation in the worker's tree, runs the tests naming its rule, restores the file. */
async function run(dir, [rule, file, from, to, suites = [D]]) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const places = findTokens(text, from);
  if (places.length !== 1) return `STALE (the code to mutate is found ${places.length} times, not once)`;
  const files = suites
    .flatMap((suite) => (suite.endsWith('.ts') ? [join(dir, suite)] : specFiles(join(dir, suite))))
    .filter((spec) => new RegExp(named(rule)).test(readFileSync(spec, 'utf8')));
  if (files.length === 0) return 'SURVIVED (no spec names the rule)';
  writeFileSync(path, text.slice(0, places[0].start) + to + text.slice(places[0].end));
  try {
    const report = await jest(dir, files, rule);
    if (report.error) return `ERROR (jest: ${report.error.split('\n').slice(-3).join(' ')})`;
    const broken = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0);
    if (broken.length) return `ERROR (the mutated code does not load: ${broken[0].message.split('\n')[0]})`;
    const failing = report.testResults.flatMap((suite) => suite.assertionResults).filter((test) => test.status === 'failed');
    return failing.length ? `killed (${failing.length} failing)` : `SURVIVED (${report.numPassedTests} tests naming ${rule} passed)`;
  } finally {
    writeFileSync(path, text);
  }
}

const base = mkdtempSync(join(tmpdir(), 'casebook-mutants-'));
const cleanup = () => rmSync(base, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});
const trees = Array.from({ length: Math.min(WORKERS, selected.length) }, (_, n) => workTree(base, n));
const results = new Array(selected.length);
let next = 0;
await Promise.all(
  trees.map(async (dir) => {
    while (next < selected.length) {
      const i = next++;
      results[i] = { rule: selected[i][0], outcome: await run(dir, selected[i]).catch((error) => `ERROR (${error.message})`) };
      console.log(`${results[i].rule.padEnd(6)} ${results[i].outcome}`);
    }
  }),
);
cleanup();
const bad = results.filter((r) => !r.outcome.startsWith('killed'));
console.log(`\n${results.length - bad.length} of ${results.length} rule mutations killed${bad.length ? `; not: ${bad.map((r) => r.rule).join(', ')}` : ''}`);
process.exit(bad.length ? 1 : 0);
