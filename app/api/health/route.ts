import { checkHealth } from '@/lib/server/health';

/** For load balancers and monitoring: 200 when the app can reach its database, 503 when not. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
