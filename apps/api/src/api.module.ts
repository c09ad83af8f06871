import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RUNTIME, type Runtime, RuntimeModule } from '@casebook/runtime';
import { HealthController } from './health/health.controller';
import { CriminalReportsController } from './criminal-reports/criminal-reports.controller';
import { CaseCommandsController } from './incidents/case-commands.controller';
import { IncidentReadController } from './incidents/incident-read.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { MeasuresController } from './incidents/measures.controller';
import { StaffConductController } from './incidents/staff-conduct.controller';
import { CorrectionsController } from './incidents/corrections.controller';
import { SettingsController } from './reads/settings.controller';
import { CaseloadController } from './caseload/caseload.controller';
import { DirectoryController } from './directory/directory.controller';
import { DirectoryReadController } from './directory/directory-read.controller';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { DeviceCustodyController } from './pupils/device-custody.controller';
import { DeviceCustodyPreviewController } from './pupils/device-custody-preview.controller';
import { DeviceReturnController } from './pupils/device-return.controller';
import { EmailAccountController } from './pupils/email-account.controller';
import { DossierReadsController } from './reads/dossier-reads.controller';
import { ListReadsController } from './reads/list-reads.controller';
import { AuditExportsController } from './reads/audit-exports.controller';
import { PrivacyController, RetentionController } from './privacy/privacy.controller';
import { ConsentCommandsController, ConsentReadsController } from './consents/consents.controller';
import { ReadModels } from './reads/read-models.http';
import { DossierReadInterceptor } from './reads/dossier-read.interceptor';
import { AuthController } from './auth/session/auth.controller';
import { HomeController } from './console/home.controller';
import { SessionStore } from './auth/session/session-store';

/** The HTTP app's table of contents. Feature modules (incidents, read models, ...) are added here. */
@Module({})
export class ApiModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    // Embedded default: no worker can open PGlite's files, so this process runs the background work too.
    const embedded = runtime.config.database.kind === 'pglite';
    return {
      module: ApiModule,
      imports: [RuntimeModule.forRuntime(runtime, { runBackground: embedded })],
      controllers: [
        HealthController,
        AuthController,
        HomeController,
        IncidentsController,
        IncidentReadController,
        CaseCommandsController,
        MeasuresController,
        StaffConductController,
        CorrectionsController,
        SettingsController,
        CaseloadController,
        DirectoryController,
        DirectoryReadController,
        CriminalReportsController,
        DeviceCustodyController,
        DeviceCustodyPreviewController,
        DeviceReturnController,
        EmailAccountController,
        DossierReadsController,
        ListReadsController,
        AuditExportsController,
        PrivacyController,
        RetentionController,
        ConsentCommandsController,
        ConsentReadsController,
      ],
      providers: [
        { provide: IdempotencyStore, useFactory: (rt: Runtime) => new IdempotencyStore(rt.sql, rt.eventStore), inject: [RUNTIME] },
        // DIR4: signed-in people's sessions (the console), beside bearer tokens (API clients).
        { provide: SessionStore, useFactory: (rt: Runtime) => SessionStore.open(rt.sql, rt.config.auth.session), inject: [RUNTIME] },
        IdempotencyInterceptor,
        // Also judges file uploads before their bodies are read (http/upload-gate.ts).
        BearerAuthGuard,
        ReadModels,
        // Every dossier read, by the authorization table's dossier rows (after the guard has verified the caller).
        { provide: APP_INTERCEPTOR, useClass: DossierReadInterceptor },
      ],
    };
  }
}
