export type DependencyStatus = 'up' | 'down' | 'disabled';

export interface DependencyHealth {
  readonly status: DependencyStatus;
  readonly detail?: string;
  readonly [extra: string]: unknown;
}

/** One dependency's readiness check. `disabled` (not configured) does not make the service unready. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<DependencyHealth>;
}

export interface ReadinessReport {
  readonly status: 'ready' | 'not-ready';
  readonly dependencies: Readonly<Record<string, DependencyHealth>>;
}

/** Runs every check in parallel, each bounded by `timeoutMs`, so a hung dependency reads as down, not as a hang. */
export async function checkReadiness(indicators: readonly HealthIndicator[], timeoutMs = 2_000): Promise<ReadinessReport> {
  const entries = await Promise.all(indicators.map(async (indicator) => [indicator.name, await withTimeout(indicator, timeoutMs)] as const));
  const dependencies = Object.fromEntries(entries);
  const ready = entries.every(([, health]) => health.status !== 'down');
  return { status: ready ? 'ready' : 'not-ready', dependencies };
}

async function withTimeout(indicator: HealthIndicator, timeoutMs: number): Promise<DependencyHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DependencyHealth>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'down', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([indicator.check().catch((error: unknown) => ({ status: 'down' as const, detail: describeError(error) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error's class and message, never its payload: messages of our drivers carry no personal data. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
