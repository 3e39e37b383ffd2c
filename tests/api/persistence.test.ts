import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { backupPglite, restorePglite } from '../../src/server/db/backup.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { DataDirectoryLockedError, lockDataDirectory } from '../../src/server/db/lock.ts';
import { organisations } from '../../src/server/db/schema/index.ts';

// These guard the embedded engine's data directory; a PostgreSQL server keeps its own files, so the
// PostgreSQL run (TEST_DATABASE_URL set) has nothing of this to test.
const embedded = !process.env.TEST_DATABASE_URL;

const folders: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iw-pglite-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(embedded)('PGlite on disk', () => {
  it('keeps data across a close and a reopen', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await first.db.insert(organisations).values({ name: 'Blijvend BV', type: 'regular-company' });
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    const rows = await second.db.select().from(organisations).where(eq(organisations.name, 'Blijvend BV'));
    expect(rows).toHaveLength(1);
    await second.close();
  });

  it('refuses a second process on the same folder with a clear message, and takes over a stale lock', async () => {
    const dir = tempDir();
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    // Another live process holds the lock: simulated by writing our parent's pid into the lock file.
    await database.close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'impact-wheel.lock'), String(process.ppid));
    let error: unknown;
    try {
      lockDataDirectory(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirectoryLockedError);
    expect((error as Error).message).toContain('in use by another Impact Wheel process');

    // A lock left by a process that no longer exists is taken over.
    writeFileSync(path.join(dir, 'impact-wheel.lock'), '999999999');
    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    await reopened.close();
  });

  it('backs up and restores the whole database', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'backup.tar.gz');
    const db1 = await openDatabase({ kind: 'pglite', dataDir: dir });
    await db1.db.insert(organisations).values({ name: 'Voor de back-up', type: 'wise' });
    await db1.close();
    expect(await backupPglite(dir, file)).toBeGreaterThan(1000);

    const db2 = await openDatabase({ kind: 'pglite', dataDir: dir });
    await db2.db.insert(organisations).values({ name: 'Na de back-up', type: 'wise' });
    await db2.close();

    const { keptAs } = await restorePglite(dir, file);
    expect(keptAs).toContain('before-restore');
    const db3 = await openDatabase({ kind: 'pglite', dataDir: dir });
    const names = (await db3.db.select({ name: organisations.name }).from(organisations)).map((r) => r.name);
    expect(names).toEqual(['Voor de back-up']);
    await db3.close();
  });

  it('refuses a backup while the app holds the folder', async () => {
    const dir = tempDir();
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(backupPglite(dir, path.join(dir, 'x.tar.gz'))).rejects.toBeInstanceOf(
      DataDirectoryLockedError,
    );
    await database.close();
  });
});
