import { createServer, Server } from 'node:http';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrapes /metrics on its own port (METRICS_PORT), bound to METRICS_HOST (127.0.0.1 by
 * default), never on the public port: queue depths, routes and error rates are not for everyone.
 * In a container set METRICS_HOST=0.0.0.0 and keep the port off the load balancer.
 */
export function startMetricsServer(metrics: MetricsService, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(body),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
