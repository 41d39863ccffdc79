// npm run reminders: queues reminder mail to organisations whose deadline is near and who have not
// submitted, now. The app's workers run the same job daily (REMINDER_CRON) and send the queued
// mail; safe to run at any time: each party is reminded once.
import { resolveDatabase } from './lib/database';

const database = await resolveDatabase();
try {
  process.env.DATABASE_URL = database.url;
  const { sendDeadlineReminders } = await import('@/lib/server/reminders');
  const { system } = await import('@/lib/server/actor');
  const { db } = await import('@/lib/server/db');
  const { stopJobQueue } = await import('@/lib/server/jobs');
  const { reminded } = await sendDeadlineReminders(system);
  console.log(reminded.length ? `Påmindelser lagt i kø til: ${reminded.join(', ')} (appen sender dem).` : 'Ingen påmindelser at sende.');
  await stopJobQueue();
  await db.$disconnect();
} finally {
  await database.stop();
}
