// npm run restore FILE: replaces the embedded database with a backup made by `npm run backup`.
import path from 'node:path';
import { readConfig } from '../src/server/config.ts';
import { restorePglite } from '../src/server/db/backup.ts';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore FILE   (a file made by npm run backup)');
  process.exit(2);
}
const config = readConfig();
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: restore the PostgreSQL server with psql, for example:\n  psql "$DATABASE_URL" < impact-wheel.sql',
  );
  process.exit(2);
}
try {
  const { keptAs } = await restorePglite(config.dataDir, path.resolve(file));
  console.log(
    `Database restored from ${file}.${keptAs ? ` The previous database is kept in ${keptAs}.` : ''}`,
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
