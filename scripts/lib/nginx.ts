import { existsSync } from 'node:fs';

/** Debian's nginx (the load balancer of bench:scale-out and of the trusted-proxy integration test), or null. */
export function nginxPath(): string | null {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate))) ?? null;
}
