import { type ReactNode, lazy } from 'react';
import type { TextKey } from './i18n/i18n';
import { TodayPage } from './pages/today';

// Every page but Vandaag is loaded when first opened (#33, #36: the first load stays small; a form library and the
// charts are not needed to see what waits).
const AccessLogPage = lazy(() => import('./pages/access-log').then((module) => ({ default: module.AccessLogPage })));
const CasesPage = lazy(() => import('./pages/cases').then((module) => ({ default: module.CasesPage })));
const DecisionsPage = lazy(() => import('./pages/decisions').then((module) => ({ default: module.DecisionsPage })));
const DevicesPage = lazy(() => import('./pages/devices').then((module) => ({ default: module.DevicesPage })));
const InspectorPage = lazy(() => import('./pages/inspector').then((module) => ({ default: module.InspectorPage })));
const PersonnelFilePage = lazy(() => import('./pages/personnel-file').then((module) => ({ default: module.PersonnelFilePage })));
const PupilFilePage = lazy(() => import('./pages/pupil-file').then((module) => ({ default: module.PupilFilePage })));
const ReportPage = lazy(() => import('./pages/report').then((module) => ({ default: module.ReportPage })));
const RetentionPage = lazy(() => import('./pages/retention').then((module) => ({ default: module.RetentionPage })));
const StatisticsPage = lazy(() => import('./pages/statistics').then((module) => ({ default: module.StatisticsPage })));

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
