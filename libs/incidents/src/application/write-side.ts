import { runMigrations } from '@casebook/platform';
import { CASE_SNAPSHOT_MIGRATIONS } from './case-view/case-snapshots.migrations';
import { CaseViews } from './case-view/case-views';
import { DeviceOverdueWatch } from './device-overdue/device-overdue-watch';
import { DirectoryImports } from './directory/directory-imports';
import type { SealedTexts } from './sealed-texts';
import { DirectoryPupilFacts, NO_PUPIL_FACTS, type PupilFacts } from './pupil-facts';
import { DirectorySchoolFacts } from './school-facts';
import type { RuleSettings } from './rule-settings';
import { STREAM_LOCATOR_MIGRATIONS } from './stream-locator.migrations';
import { CaseCommands } from './use-cases/case-commands';
import { ConsentCommands } from './use-cases/consents';
import { CriminalReportCommands } from './use-cases/criminal-reports';
import { MeasureCommands } from './use-cases/measures';
import { type PrivacyRegister, PrivacyCommands } from './use-cases/privacy';
import { PupilConductCommands } from './use-cases/pupil-conduct';
import { StaffConductCommands } from './use-cases/staff-conduct';
import { type PersonKeys, type WriteSideDeps, WriteSideCore } from './write-side-core';

export interface WriteSideOptions extends WriteSideDeps {
  readonly personKeys: PersonKeys;
  readonly privacyRegister: PrivacyRegister;
  /** Opens sealed texts where the write side compares them (the directory import). */
  readonly sealedTexts: SealedTexts;
}

/**
 * The write side's one door (issue #15): one function per use case, for every app (the api's controllers, the
 * worker's jobs, the CLI). Which stream an id names, ids, loading, deciding and appending happen behind it; a
 * caller brings the context (actor, now) and the request's meta, and gets a `CommandOutcome` — never events.
 * Made once per process.
 */
export class WriteSide {
  readonly cases: CaseCommands;
  readonly measures: MeasureCommands;
  readonly staffConduct: StaffConductCommands;
  readonly criminalReports: CriminalReportCommands;
  readonly pupilConduct: PupilConductCommands;
  readonly consents: ConsentCommands;
  readonly privacy: PrivacyCommands;
  /** DIR1, DIR2: the administration's export imported, file by file. */
  readonly directory: DirectoryImports;
  /** `GET /incidents/{id}`: the case folded from its stream. */
  readonly views: CaseViews;
  /** M6: custodies past due, recorded overdue (run where the background work runs). */
  readonly overdueWatch: DeviceOverdueWatch;
  private readonly core: WriteSideCore;

  private constructor(options: WriteSideOptions) {
    const core = new WriteSideCore(options);
    this.core = core;
    this.criminalReports = new CriminalReportCommands(core);
    this.cases = new CaseCommands(core, this.criminalReports);
    this.measures = new MeasureCommands(core);
    this.staffConduct = new StaffConductCommands(core);
    this.pupilConduct = new PupilConductCommands(core);
    this.consents = new ConsentCommands(core);
    this.privacy = new PrivacyCommands(core, options.personKeys, options.privacyRegister);
    this.directory = new DirectoryImports(options.store, options.sealedTexts);
    this.views = new CaseViews(options.store, options.sql, options.logger);
    this.overdueWatch = new DeviceOverdueWatch(options.sql, options.store, core.handlers, options.logger);
  }

  /** Migrates the write side's own tables (stream locator, case snapshots, the overdue watch), then builds it. */
  static async open(options: WriteSideOptions): Promise<WriteSide> {
    await runMigrations(options.sql, 'api-stream-locator', STREAM_LOCATOR_MIGRATIONS);
    await runMigrations(options.sql, 'api-case-snapshots', CASE_SNAPSHOT_MIGRATIONS);
    await DeviceOverdueWatch.migrate(options.sql);
    // CON1, DIR3, P6 and M1 from the directory, unless the caller brings its own source (tests).
    return new WriteSide({
      ...options,
      pupilFacts: options.pupilFacts ?? new DirectoryPupilFacts(options.store, options.sealedTexts),
      schoolFacts: options.schoolFacts ?? new DirectorySchoolFacts(options.store),
    });
  }

  /** The rules' settings in force (CAL1): `GET /settings` shows them; reads that count school years use them. */
  get settings(): RuleSettings {
    return { policy: this.core.deps.policy, calendar: this.core.deps.calendar };
  }

  /** What the directory says of pupils and staff (DIR1): a pupil's school for the pupil file's reads. */
  get directoryFacts(): PupilFacts {
    return this.core.deps.pupilFacts ?? NO_PUPIL_FACTS;
  }

  /** Which stream an incident id names, the people of a case, its export streams (for reads that need them). */
  get caseStreams(): WriteSideCore['cases'] {
    return this.core.cases;
  }
}
