import type { ApiHarness } from './api-harness';

/**
 * A refusal over HTTP: the status (and rule, when given), problem+json, and nothing appended — what every new
 * endpoint's bad-input test asserts. Returns the problem body.
 */
export async function expectRefusal(
  api: ApiHarness,
  url: string,
  body: unknown,
  bearer: string,
  status: number,
  rule?: string,
): Promise<Record<string, unknown>> {
  const before = await api.eventCount();
  const response = await api.post(url, body, bearer);
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (rule) expect(response.json()).toMatchObject({ rule });
  expect(await api.eventCount()).toBe(before);
  return response.json() as Record<string, unknown>;
}
