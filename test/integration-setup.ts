// Integration tests talk to a real PostgreSQL. `npm test` creates a migrated database for
// them and passes its URL; running them alone needs the same.
export default function setup(): void {
  if (!process.env.DATABASE_URL) {
    throw new Error('Integration tests need DATABASE_URL (a migrated test database). Run them through `npm test`.');
  }
}
