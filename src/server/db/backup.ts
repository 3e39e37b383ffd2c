import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDirectory } from './lock.ts';

/**
 * Saves the whole PGlite database as one gzipped tarball. Takes the data directory's lock, so it refuses
 * while the app runs on it (a copy of a live directory could be torn).
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<number> {
  const lock = lockDataDirectory(dataDir);
  try {
    const pgliteDir = path.join(dataDir, 'pglite');
    if (!existsSync(pgliteDir)) throw new Error(`No database in ${pgliteDir} to back up.`);
    const client = new PGlite(pgliteDir);
    await client.waitReady;
    try {
      const dump = await client.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      writeFileSync(outFile, bytes);
      return bytes.length;
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * Brings a backup back. The current database folder is kept beside it (pglite.before-restore-…), so a
 * restore of the wrong file loses nothing.
 */
export async function restorePglite(dataDir: string, inFile: string): Promise<{ keptAs: string | null }> {
  if (!existsSync(inFile)) throw new Error(`Backup file ${inFile} does not exist.`);
  const lock = lockDataDirectory(dataDir);
  try {
    const pgliteDir = path.join(dataDir, 'pglite');
    let keptAs: string | null = null;
    if (existsSync(pgliteDir)) {
      keptAs = `${pgliteDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(pgliteDir, keptAs);
    }
    try {
      const client = new PGlite(pgliteDir, { loadDataDir: new Blob([readFileSync(inFile)]) });
      await client.waitReady;
      // A backup that does not open as a database must not replace a good one.
      await client.query('select count(*) from __drizzle_migrations').catch(async () => {
        await client.query('select 1');
      });
      await client.close();
    } catch (error) {
      if (keptAs) {
        const failed = `${pgliteDir}.failed-restore`;
        if (existsSync(pgliteDir)) renameSync(pgliteDir, failed);
        renameSync(keptAs, pgliteDir);
      }
      throw error;
    }
    return { keptAs };
  } finally {
    lock.release();
  }
}
