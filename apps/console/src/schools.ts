import { get } from './api/client';
import type { School } from './api/types';

let schools: Promise<Map<string, string>> | undefined;

/** School names by id (`GET /schools`, anyone signed in), fetched once per page load. */
export function schoolNames(): Promise<Map<string, string>> {
  schools ??= get<{ items: School[] }>('/schools').then((answer) => new Map(answer.items.map((school) => [school.schoolId, school.name])));
  return schools;
}
