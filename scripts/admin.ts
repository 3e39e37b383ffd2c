// npm run admin -- grant EMAIL ROLE | revoke EMAIL ROLE   (ROLE: platform_admin, facilitator, researcher)
// npm run admin -- reset-password EMAIL                   (prints a one-time link to choose a new password)
import { PLATFORM_ROLES, type PlatformRole } from '../src/domain/vocabulary.ts';
import { readConfig } from '../src/server/config.ts';
import { databaseOptionsFrom, openDatabase } from '../src/server/db/client.ts';
import { AuthCache } from '../src/server/http/auth-cache.ts';
import { createLogger } from '../src/server/logger.ts';
import { AccountsRepository } from '../src/server/modules/accounts/repository.ts';
import { AccountsService } from '../src/server/modules/accounts/service.ts';
import { AuditRepository } from '../src/server/modules/audit/repository.ts';
import { AuditLog } from '../src/server/modules/audit/service.ts';
import { PlatformRepository } from '../src/server/modules/platform/repository.ts';
import { PlatformService } from '../src/server/modules/platform/service.ts';

const [action, email, role] = process.argv.slice(2);
const isRole = ['grant', 'revoke'].includes(action ?? '') && PLATFORM_ROLES.includes(role as PlatformRole);
if (!email || !(isRole || action === 'reset-password')) {
  console.error(
    `Usage: npm run admin -- grant|revoke EMAIL ROLE\n  ROLE is one of: ${PLATFORM_ROLES.join(', ')}\n` +
      '       npm run admin -- reset-password EMAIL',
  );
  process.exit(2);
}
let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  const config = readConfig();
  database = await openDatabase(databaseOptionsFrom(config));
  if (action === 'reset-password') {
    const accounts = new AccountsService(
      new AccountsRepository(database.db),
      config.sessionSecret,
      new AuthCache(0),
      {
        publicUrl: config.publicUrl,
        // The link's making is a security event of that account, as when it is e-mailed.
        audit: new AuditLog(new AuditRepository(database.db), {
          log: createLogger('warn'),
          retentionDays: 365,
        }),
      },
    );
    const link = await accounts.resetLinkFor(email);
    if (!link) {
      console.error(`No account has the e-mail address ${email}.`);
      process.exitCode = 1;
    } else {
      // The link is the only copy: it is stored hashed. It works once, for an hour.
      console.log(`Give this link to the owner of ${email} (it works once, for an hour):\n${link}`);
    }
  } else {
    const platform = new PlatformService(new PlatformRepository(database.db), new AuthCache(0));
    if (action === 'grant') await platform.grantByEmail(email, role as PlatformRole);
    else await platform.revokeByEmail(email, role as PlatformRole);
    console.log(
      `${action === 'grant' ? 'Granted' : 'Revoked'} ${role} ${action === 'grant' ? 'to' : 'from'} ${email}.`,
    );
  }
} catch (error) {
  console.error(`Could not ${action}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database?.close();
}
