// A round-robin HTTP proxy on loopback, standing in for the load balancer in front of several
// app instances: each request goes to the next instance, so consecutive requests of one user
// land on different instances (no sticky sessions). It sets X-Forwarded-For to the client's
// address, appending to one the client sent, as nginx's $proxy_add_x_forwarded_for does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  /** How many requests each target got. */
  counts: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[]): Promise<Proxy> {
  const counts = targets.map(() => 0);
  // Keep-alive to the instances, as a real balancer keeps its upstream connections.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % targets.length;
    counts[index]!++;
    const target = new URL(targets[index]!);
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, agent, headers: { ...req.headers, 'x-forwarded-for': forwarded } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad gateway');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
