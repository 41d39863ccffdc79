// npm run db:seed: loads the demo data into the database (embedded when DATABASE_URL is unset).
import { prisma, resolveDatabase } from '../scripts/lib/database';

const database = await resolveDatabase();
try {
  prisma(['migrate', 'deploy'], database.url, { quiet: true });
  process.env.DATABASE_URL = database.url;
  const { seedDemoData } = await import('@/lib/server/demo-data');
  const { system } = await import('@/lib/server/actor');
  const { db } = await import('@/lib/server/db');
  await seedDemoData(system);
  await db.$disconnect();
  console.log('Demodata indlæst.');
} finally {
  await database.stop();
}
