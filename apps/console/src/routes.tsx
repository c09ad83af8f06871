import type { ReactNode } from 'react';
import type { TextKey } from './i18n/i18n';
import { AccessLogPage } from './pages/access-log';
import { CasesPage } from './pages/cases';
import { DecisionsPage } from './pages/decisions';
import { DevicesPage } from './pages/devices';
import { InspectorPage } from './pages/inspector';
import { PersonnelFilePage } from './pages/personnel-file';
import { PupilFilePage } from './pages/pupil-file';
import { ReportPage } from './pages/report';
import { RetentionPage } from './pages/retention';
import { StatisticsPage } from './pages/statistics';
import { TodayPage } from './pages/today';

/**
 * The console's pages, each for the roles whose work it is (the API refuses the rest anyway). The api serves every
 * path (apps/api/src/console/home.controller.ts, CONSOLE_PATHS); `/zaken/<id>` is the case page.
 */
export interface ConsoleRoute {
  readonly path: string;
  readonly title: TextKey;
  readonly roles: readonly string[] | 'all';
  readonly page: () => ReactNode;
}

export const ROUTES: readonly ConsoleRoute[] = [
  { path: '/', title: 'nav.today', roles: 'all', page: () => <TodayPage /> },
  { path: '/melden', title: 'nav.report', roles: ['teacher', 'director', 'board'], page: () => <ReportPage /> },
  { path: '/toestellen', title: 'nav.devices', roles: ['teacher', 'director', 'board'], page: () => <DevicesPage /> },
  { path: '/zaken', title: 'nav.cases', roles: 'all', page: () => <CasesPage /> },
  { path: '/besluiten', title: 'nav.decisions', roles: ['board'], page: () => <DecisionsPage /> },
  { path: '/inspecteur', title: 'nav.inspector', roles: ['board', 'legal'], page: () => <InspectorPage /> },
  { path: '/leerlingen', title: 'nav.pupils', roles: ['director', 'board', 'legal'], page: () => <PupilFilePage /> },
  { path: '/personeel', title: 'nav.staff', roles: ['hr', 'board', 'legal'], page: () => <PersonnelFilePage /> },
  { path: '/statistiek', title: 'nav.statistics', roles: ['board', 'legal', 'director'], page: () => <StatisticsPage /> },
  { path: '/toegang', title: 'nav.access', roles: ['legal'], page: () => <AccessLogPage /> },
  { path: '/bewaartermijnen', title: 'nav.retention', roles: ['legal', 'board'], page: () => <RetentionPage /> },
];

export const allowed = (route: ConsoleRoute, roles: readonly string[]) => route.roles === 'all' || route.roles.some((role) => roles.includes(role));
