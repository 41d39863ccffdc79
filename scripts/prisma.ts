// npm run prisma -- <command>: the Prisma CLI against DATABASE_URL, or the embedded database when unset.
import { prisma, resolveDatabase } from './lib/database';

const database = await resolveDatabase();
let code = 0;
try {
  prisma(process.argv.slice(2), database.url);
} catch (error) {
  console.error((error as Error).message);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
