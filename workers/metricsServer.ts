/**
 * The worker's `/metrics` endpoint: a small HTTP listener (WORKER_METRICS_HOST:WORKER_METRICS_PORT)
 * serving the service's own metrics (prom-client registry: escalations, failed deliveries, report
 * records, process figures) merged with the Temporal SDK's (task slots, schedule-to-start latency,
 * workflow task failures). The SDK's Rust core can only serve Prometheus on a listener of its
 * own; that one is bound to loopback (WORKER_SDK_METRICS_PORT) and read here on each scrape, so
 * Prometheus scrapes one target per worker and "worker down" is one `up` series.
 */
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../config/logger';

export interface MetricsServerOptions {
  registry: Registry;
  host: string;
  port: number;
  /** The SDK core's own Prometheus endpoint (http://127.0.0.1:<port>/metrics), if installed. */
  sdkMetricsUrl?: string;
  logger: Logger;
}

const SDK_FETCH_TIMEOUT_MS = 2_000;

export async function startMetricsServer(options: MetricsServerOptions): Promise<Server> {
  const { registry, sdkMetricsUrl, logger } = options;

  async function sdkMetrics(): Promise<string> {
    if (!sdkMetricsUrl) return '';
    try {
      const response = await fetch(sdkMetricsUrl, { signal: AbortSignal.timeout(SDK_FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.text();
    } catch (error) {
      logger.warn(
        { error: (error as Error).message },
        'Temporal SDK metrics not readable; serving ours only',
      );
      // A comment line keeps the exposition valid and tells whoever reads it by hand.
      return '# Temporal SDK metrics unavailable\n';
    }
  }

  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    Promise.all([registry.metrics(), sdkMetrics()]).then(
      ([ours, sdk]) =>
        response.writeHead(200, { 'content-type': registry.contentType }).end(`${ours}\n${sdk}`),
      (error: unknown) => {
        logger.error({ error: (error as Error).message }, 'metrics could not be collected');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  return server;
}
