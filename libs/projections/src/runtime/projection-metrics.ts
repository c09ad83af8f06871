import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@casebook/event-store';
import type { Logger } from '@casebook/platform';
import type { ProjectionHost } from './projection-host';
import type { ReadModelCatalog } from './read-model-catalog';

/**
 * Prometheus metrics of the projections, computed at each scrape: position and lag per read model, events
 * applied (a counter: `rate()` gives events/s) and events/s since the previous scrape, plus Node's defaults.
 */
export interface MetricsSource {
  readonly registry: Registry;
  /** Brings the projection gauges up to date; called before each scrape (prom-client collects in parallel). */
  readonly refresh: () => Promise<void>;
}

export function projectionMetrics(host: ProjectionHost, catalog: ReadModelCatalog, store: EventStore): MetricsSource {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'casebook_' });
  const labels = ['read_model'];
  const lag = new Gauge({
    name: 'casebook_projection_lag_events',
    help: "Events of the read model's categories not yet applied (capped at 10000)",
    labelNames: labels,
    registers: [registry],
  });
  const applied = new Counter({
    name: 'casebook_projection_events_applied_total',
    help: 'Events applied by the projection since the process started',
    labelNames: labels,
    registers: [registry],
  });
  const perSecond = new Gauge({
    name: 'casebook_projection_events_per_second',
    help: 'Events applied per second since the previous scrape',
    labelNames: labels,
    registers: [registry],
  });
  const position = new Gauge({
    name: 'casebook_projection_position',
    help: 'Global position the live version has reached',
    labelNames: ['read_model', 'version'],
    registers: [registry],
  });
  const previous = new Map<string, { applied: number; at: number }>();
  const refresh = async (): Promise<void> => {
    const now = Date.now();
    position.reset();
    for (const stats of await host.stats()) {
      const projection = catalog.projection(stats.name);
      const behind = await store.readAll({ from: stats.position === 0 ? 'start' : stats.position, limit: 10_000, categories: projection.categories });
      lag.set({ read_model: stats.name }, behind.length);
      position.set({ read_model: stats.name, version: String(stats.version) }, stats.position);
      const before = previous.get(stats.name) ?? { applied: 0, at: now };
      const delta = Math.max(stats.applied - before.applied, 0);
      applied.inc({ read_model: stats.name }, delta);
      perSecond.set({ read_model: stats.name }, now > before.at ? (delta * 1000) / (now - before.at) : 0);
      previous.set(stats.name, { applied: stats.applied, at: now });
    }
  };
  return { registry, refresh };
}

/**
 * `GET /metrics` on its own port (api.md: "anyone on the metrics port"); everything else is 404. A port that is
 * taken costs the metrics, not the process: it is logged and the process runs on.
 */
export async function serveMetrics({ registry, refresh }: MetricsSource, port: number, host: string, logger: Logger): Promise<Server | undefined> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    refresh()
      .then(() => registry.metrics())
      .then((text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text))
      .catch((error: unknown) => {
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'metrics not collected');
        response.writeHead(503, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
      });
  });
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  } catch (error) {
    logger.warn({ port, error: error instanceof Error ? error.message : String(error) }, 'metrics not served: METRICS_PORT is not free');
    return undefined;
  }
  logger.info({ port, host }, 'metrics served at /metrics');
  return server;
}
