/**
 * Suites that need a service run when its URL is set. Without it they skip and say so, unless REQUIRE_INFRA
 * names the service (`REQUIRE_INFRA=postgres,kafka`, as .ci/run sets it): then the missing setting fails the
 * run, so CI can never pass by silently skipping what it was meant to test.
 */
export type InfraService = 'postgres' | 'kafka' | 'eventstoredb' | 'chromium';

const SETTING: Record<InfraService, string> = {
  postgres: 'DATABASE_URL',
  kafka: 'KAFKA_BROKERS',
  eventstoredb: 'EVENTSTORE_CONNECTION_STRING',
  // A browser for the console's suites (Debian's Chromium: /usr/bin/chromium).
  chromium: 'CHROMIUM_PATH',
};

export function requiredInfra(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env.REQUIRE_INFRA ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

/** `describe` when the service is configured; otherwise a visible skip, or a failing test if it is required. */
export function describeWithService(service: InfraService, title: string, body: (setting: string) => void): void {
  const variable = SETTING[service];
  const value = process.env[variable]?.trim();
  if (value) {
    describe(`${title} [${service}]`, () => body(value));
    return;
  }
  if (requiredInfra().has(service)) {
    describe(`${title} [${service}]`, () => {
      it(`needs ${variable}: REQUIRE_INFRA includes ${service}`, () => {
        throw new Error(`${variable} is not set but REQUIRE_INFRA requires ${service}`);
      });
    });
    return;
  }
  // A skipped suite says why, in the test report and on the console.
  process.stdout.write(`[skipped] ${title}: ${variable} is not set\n`);
  describe.skip(`${title} [${service}: skipped, ${variable} not set]`, () => {
    it('needs the service', () => undefined);
  });
}
