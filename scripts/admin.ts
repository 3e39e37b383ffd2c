// npm run admin -- grant EMAIL ROLE | revoke EMAIL ROLE   (ROLE: platform_admin, facilitator, researcher)
import { PLATFORM_ROLES, type PlatformRole } from '../src/domain/vocabulary.ts';
import { readConfig } from '../src/server/config.ts';
import { databaseOptionsFrom, openDatabase } from '../src/server/db/client.ts';
import { AuthCache } from '../src/server/http/auth-cache.ts';
import { PlatformRepository } from '../src/server/modules/platform/repository.ts';
import { PlatformService } from '../src/server/modules/platform/service.ts';

const [action, email, role] = process.argv.slice(2);
if (!['grant', 'revoke'].includes(action ?? '') || !email || !PLATFORM_ROLES.includes(role as PlatformRole)) {
  console.error(
    `Usage: npm run admin -- grant|revoke EMAIL ROLE\n  ROLE is one of: ${PLATFORM_ROLES.join(', ')}`,
  );
  process.exit(2);
}
let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  database = await openDatabase(databaseOptionsFrom(readConfig()));
  const platform = new PlatformService(new PlatformRepository(database.db), new AuthCache(0));
  if (action === 'grant') await platform.grantByEmail(email, role as PlatformRole);
  else await platform.revokeByEmail(email, role as PlatformRole);
  console.log(
    `${action === 'grant' ? 'Granted' : 'Revoked'} ${role} ${action === 'grant' ? 'to' : 'from'} ${email}.`,
  );
} catch (error) {
  console.error(`Could not ${action} the role: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database?.close();
}
