// npm run backup [FILE]: saves the embedded database to one file (default backups/impact-wheel-<time>.tar.gz).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../src/server/config.ts';
import { backupPglite } from '../src/server/db/backup.ts';

const config = readConfig();
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: back up the PostgreSQL server with pg_dump, for example:\n  pg_dump "$DATABASE_URL" > impact-wheel.sql',
  );
  process.exit(2);
}
const file = path.resolve(
  process.argv[2] ??
    path.join('backups', `impact-wheel-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`),
);
mkdirSync(path.dirname(file), { recursive: true });
try {
  const bytes = await backupPglite(config.dataDir, file);
  console.log(`Backup written to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
