import { get } from './api/client';
import type { School } from './api/types';

let schools: Promise<School[]> | undefined;

/** The board's schools (`GET /schools`, anyone signed in), fetched once per page load. */
export function allSchools(): Promise<School[]> {
  schools ??= get<{ items: School[] }>('/schools').then((answer) => answer.items);
  return schools;
}

/** School names by id. */
export async function schoolNames(): Promise<Map<string, string>> {
  return new Map((await allSchools()).map((school) => [school.schoolId, school.name]));
}
