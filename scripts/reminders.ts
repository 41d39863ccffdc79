// npm run reminders: e-mails organisations whose deadline is near and who have not submitted.
// Meant for a daily job (cron, systemd timer); safe to run more often: each party is reminded once.
import { resolveDatabase } from './lib/database';

const database = await resolveDatabase();
try {
  process.env.DATABASE_URL = database.url;
  const { sendDeadlineReminders } = await import('@/lib/server/reminders');
  const { system } = await import('@/lib/server/actor');
  const { db } = await import('@/lib/server/db');
  const { reminded } = await sendDeadlineReminders(system);
  console.log(reminded.length ? `Påmindelser sendt til: ${reminded.join(', ')}` : 'Ingen påmindelser at sende.');
  await db.$disconnect();
} finally {
  await database.stop();
}
