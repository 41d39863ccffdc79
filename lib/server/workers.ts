import 'server-only';
import { env } from '@/lib/env';
import { system } from '@/lib/server/actor';
import { jobQueue, REMINDER_QUEUE } from '@/lib/server/jobs';
import { startMailWorker } from '@/lib/server/mail';
import { sendDeadlineReminders } from '@/lib/server/reminders';

/**
 * Starts this process's job workers: mail delivery, and the daily deadline reminders on a cron
 * schedule in Copenhagen time. Every app instance runs them; pg-boss hands each job to one
 * worker and each scheduled run to one instance.
 */
export async function startWorkers(): Promise<void> {
  await startMailWorker();
  const boss = await jobQueue();
  await boss.schedule(REMINDER_QUEUE, env().REMINDER_CRON, {}, { tz: 'Europe/Copenhagen' });
  await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
    const { reminded } = await sendDeadlineReminders(system);
    if (reminded.length) console.log(`Deadline reminders queued for: ${reminded.join(', ')}`);
  });
}
