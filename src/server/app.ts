import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyBaseLogger, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { TrustProxy } from './config.ts';
import { AuthBroadcast } from './db/auth-broadcast.ts';
import type { Database } from './db/client.ts';
import { AuthCache } from './http/auth-cache.ts';
import type { OrganisationActor } from './http/auth-context.ts';
import { AppError, registerErrorHandling } from './http/errors.ts';
import { safeEqual } from './http/secrets.ts';
import type { App } from './http/types.ts';
import { registerWebAssets } from './http/web-assets.ts';
import { JobQueue } from './jobs/queue.ts';
import { createMailer, type Mailer } from './mail.ts';
import { AccountsRepository } from './modules/accounts/repository.ts';
import { registerAccountRoutes, SESSION_COOKIE } from './modules/accounts/routes.ts';
import { type AccountsOptions, AccountsService } from './modules/accounts/service.ts';
import { AssessmentRepository } from './modules/assessment/repository.ts';
import { registerAssessmentRoutes } from './modules/assessment/routes.ts';
import { AssessmentService } from './modules/assessment/service.ts';
import { AuditRepository } from './modules/audit/repository.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { AuditLog } from './modules/audit/service.ts';
import { CollaborationAccess } from './modules/collaborations/access.ts';
import { CollaborationsRepository } from './modules/collaborations/repository.ts';
import { registerCollaborationRoutes } from './modules/collaborations/routes.ts';
import { CollaborationsService } from './modules/collaborations/service.ts';
import { registerDataExportRoutes } from './modules/data-export/routes.ts';
import { DataExportService } from './modules/data-export/service.ts';
import { ErasureRepository } from './modules/erasure/repository.ts';
import { ErasureService } from './modules/erasure/service.ts';
import { FollowUpRepository } from './modules/follow-up/repository.ts';
import { registerFollowUpRoutes } from './modules/follow-up/routes.ts';
import { FollowUpService } from './modules/follow-up/service.ts';
import { LedgerRepository } from './modules/ledger/repository.ts';
import { registerLedgerRoutes } from './modules/ledger/routes.ts';
import { LedgerService } from './modules/ledger/service.ts';
import { LiveBus } from './modules/live/bus.ts';
import { registerChangeHook } from './modules/live/changes.ts';
import { PresenceRepository } from './modules/live/repository.ts';
import { registerLiveRoutes } from './modules/live/routes.ts';
import { NotificationsRepository } from './modules/notifications/repository.ts';
import { registerNotificationRoutes } from './modules/notifications/routes.ts';
import { NotificationsService, REMINDERS_JOB } from './modules/notifications/service.ts';
import { OrganisationsRepository } from './modules/organisations/repository.ts';
import { registerOrganisationRoutes } from './modules/organisations/routes.ts';
import { OrganisationsService } from './modules/organisations/service.ts';
import { PlatformRepository } from './modules/platform/repository.ts';
import { registerPlatformRoutes } from './modules/platform/routes.ts';
import { PlatformService } from './modules/platform/service.ts';
import { processExport } from './modules/process/documents.ts';
import { ProcessRepository } from './modules/process/repository.ts';
import { registerProcessRoutes } from './modules/process/routes.ts';
import { ProcessService } from './modules/process/service.ts';
import { ProgrammesRepository } from './modules/programmes/repository.ts';
import { registerProgrammeRoutes } from './modules/programmes/routes.ts';
import { ProgrammesService } from './modules/programmes/service.ts';
import { registerSystemRoutes } from './modules/system/routes.ts';
import { WheelRepository } from './modules/wheel/repository.ts';
import { registerWheelRoutes } from './modules/wheel/routes.ts';
import { WheelService } from './modules/wheel/service.ts';
import { registerWorkspaceRoutes } from './modules/workspace/routes.ts';
import { WorkspaceService } from './modules/workspace/service.ts';
import { VERSION } from './version.ts';

export type AppOptions = {
  database: Database;
  logger: FastifyBaseLogger;
  sessionSecret: string;
  publicUrl: string;
  smtpUrl?: string;
  mailer?: Mailer;
  /** Folder of the built web client; served with a fallback to index.html for client-side routes. */
  webRoot?: string;
  /** Proxies whose X-Forwarded-For is believed (`TRUST_PROXY`, parsed in config.ts); never "all". */
  trustProxy?: TrustProxy;
  /** How long security events are kept (AUDIT_RETENTION_DAYS); a year unless set. */
  auditRetentionDays?: number;
  /** How long a resolved session may be reused without a query; 0 turns the cache off. */
  authCacheMs?: number;
  /** The sign-in back-off's rules and clock, when not the defaults (tests: small delays, a clock they move). */
  signIn?: Pick<AccountsOptions, 'limits' | 'now'>;
  /**
   * Background jobs (reminders, e-mails): polled every few seconds when `poll` is set (the server does); tests
   * leave it off and run due jobs themselves, at a moment they choose.
   */
  jobs?: { poll?: boolean; now?: () => Date };
};

/** The reminder sweep runs once per quarter hour, on whichever app server claims it first. */
const REMINDER_SWEEP_MS = 15 * 60_000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Fastify 5.12 trusts nothing for a bare number (a client that reaches the app directly could otherwise write
 * enough hops itself), so a hop count becomes the function proxy-addr calls per hop: the socket's peer and the
 * entries the next `hops - 1` proxies appended are believed, the client's own entries to their left are not.
 */
function trustProxyOption(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    loggerInstance: options.logger,
    genReqId: () => randomUUID(),
    trustProxy: trustProxyOption(options.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    // Errors Fastify raises before routing (a URL with a broken %-escape, a bad content type) answer in the
    // API's own error shape, like every other 4xx.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      // Like any other 400, it names what was wrong: the content type, or else the address itself.
      const field = /MEDIA_TYPE|CONTENT_TYPE/.test(error.code ?? '') ? 'content-type' : 'url';
      void reply.code(error.statusCode && error.statusCode < 500 ? error.statusCode : 400).send({
        error: {
          code: 'bad_request',
          message: error.message,
          details: [{ field, message: error.message }],
        },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const serveWeb = Boolean(options.webRoot && existsSync(path.join(options.webRoot, 'index.html')));
  registerErrorHandling(app, { spaFallback: serveWeb });

  const secure = options.publicUrl.startsWith('https://');
  await app.register(fastifyCookie);
  // JSON and text answers compressed by Accept-Encoding, with fast settings because each answer is compressed
  // as it is sent; built files come precompressed at the build's best settings (src/server/http/web-assets.ts).
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  await app.register(fastifyHelmet, {
    hsts: secure,
    contentSecurityPolicy: {
      directives: { upgradeInsecureRequests: secure ? [] : null, imgSrc: ["'self'", 'data:'] },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Impact Wheel API',
        version: VERSION,
        description:
          'Browsers use the session cookie and send the CSRF token from GET /api/v1/me in the X-CSRF-Token header on every write. Scripts use a personal API token: Authorization: Bearer iwt_…',
      },
      servers: [{ url: '/api/v1' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => optionalNullableBodies(jsonSchemaTransformObject(input)),
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers are about one person's or organisation's data: no browser or proxy keeps a copy.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  const authCache = new AuthCache(options.authCacheMs ?? 5_000);
  const audit = new AuditLog(new AuditRepository(options.database.db), {
    log: options.logger,
    retentionDays: options.auditRetentionDays ?? 365,
  });
  // Several app servers may share one PostgreSQL database: a revocation on one reaches the others' caches
  // before its answer is sent.
  if (options.database.kind === 'postgres' && options.database.url && (options.authCacheMs ?? 5_000) > 0) {
    const broadcast = new AuthBroadcast(
      options.database.url,
      options.database.db,
      {
        forget: (userId) => authCache.forgetLocally(userId),
        down: () => authCache.suspend(),
        up: () => authCache.resume(),
      },
      options.logger,
    );
    authCache.connectBroadcast(broadcast.publish);
    await broadcast.start();
    app.addHook('onClose', () => broadcast.close());
    app.addHook('onSend', async (_request, _reply, payload) => {
      await authCache.settled();
      return payload;
    });
  }
  const mailer = options.mailer ?? createMailer(options.smtpUrl);
  const accountsService = new AccountsService(
    new AccountsRepository(options.database.db),
    options.sessionSecret,
    authCache,
    { mailer, audit, publicUrl: options.publicUrl, log: options.logger, ...options.signIn },
  );
  const organisationsService = new OrganisationsService(new OrganisationsRepository(options.database.db), {
    secret: options.sessionSecret,
    publicUrl: options.publicUrl,
    mailer,
    log: options.logger,
    cache: authCache,
    audit,
  });
  const collaborationsRepository = new CollaborationsRepository(options.database.db);
  const access = new CollaborationAccess(collaborationsRepository);
  const collaborationsService = new CollaborationsService(collaborationsRepository, access, {
    secret: options.sessionSecret,
    publicUrl: options.publicUrl,
    log: options.logger,
  });
  const followUpService = new FollowUpService(new FollowUpRepository(options.database.db), access);
  const wheelService = new WheelService(new WheelRepository(options.database.db), access, followUpService);
  collaborationsService.onLifecycle(wheelService.lifecycle());
  const workspaceService = new WorkspaceService({
    access,
    collaborations: collaborationsService,
    wheel: wheelService,
    followUp: followUpService,
  });
  const composeWorkspace = workspaceService.compose.bind(workspaceService);
  const assessmentService = new AssessmentService(
    new AssessmentRepository(options.database.db),
    wheelService,
    access,
  );
  collaborationsService.onLifecycle(assessmentService.lifecycle());
  const processService = new ProcessService(
    new ProcessRepository(options.database.db),
    access,
    // A new cycle opens a new wheel round when the current one was revealed, or else follows the open one.
    async (actor, collaborationId) => {
      if ((await wheelService.roundAccess(actor, collaborationId)).rounds.at(-1)?.revealedAt)
        await wheelService.startRound(actor, collaborationId);
      return (await wheelService.roundAccess(actor, collaborationId)).rounds.at(-1)!.id;
    },
  );
  collaborationsService.onLifecycle(processService.lifecycle());
  const ledgerService = new LedgerService(new LedgerRepository(options.database.db), access);
  wheelService.reportAssessmentWith((actor, collaborationId, round) =>
    assessmentService.view(actor, collaborationId, round),
  );
  const programmesService = new ProgrammesService(new ProgrammesRepository(options.database.db), {
    secret: options.sessionSecret,
    publicUrl: options.publicUrl,
  });
  const platformService = new PlatformService(new PlatformRepository(options.database.db), authCache, audit);
  const live = new LiveBus({
    log: options.logger,
    ...(options.database.kind === 'postgres' && options.database.url
      ? {
          postgres: {
            url: options.database.url,
            notify: async (channel: string, payload: string) => {
              await options.database.db.execute(sql`select pg_notify(${channel}, ${payload})`);
            },
          },
        }
      : {}),
  });
  await live.start();
  app.addHook('onClose', () => live.close());
  const presenceRepository = new PresenceRepository(options.database.db);
  const queue = new JobQueue(options.database.db, { log: options.logger, now: options.jobs?.now });
  const notificationsService = new NotificationsService(new NotificationsRepository(options.database.db), {
    queue,
    mailer,
    secret: options.sessionSecret,
    publicUrl: options.publicUrl,
    log: options.logger,
  });
  queue.every(REMINDERS_JOB, REMINDER_SWEEP_MS);
  if (options.jobs?.poll) queue.start();
  app.addHook('onClose', () => queue.close());

  app.decorateRequest('auth', null);

  await app.register(
    async (api: App) => {
      api.addHook('onRequest', async (request) => {
        const header = request.headers.authorization;
        const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
        if (header && !bearer)
          throw new AppError(401, 'unauthenticated', 'Use Authorization: Bearer <token>.');
        request.auth = await accountsService.authenticate({
          bearer,
          cookie: request.cookies[SESSION_COOKIE],
        });
        if (bearer && !request.auth)
          throw new AppError(401, 'invalid_token', 'This API token is not valid or was revoked.');
        // Cookie-authenticated writes must prove they come from our own pages.
        if (request.auth?.via === 'session' && !SAFE_METHODS.has(request.method)) {
          const sent = request.headers['x-csrf-token'];
          if (
            typeof sent !== 'string' ||
            !request.auth.csrfToken ||
            !safeEqual(sent, request.auth.csrfToken)
          ) {
            throw new AppError(
              403,
              'csrf',
              'Missing or wrong X-CSRF-Token header. Reload the page and try again.',
            );
          }
        }
      });
      registerSystemRoutes(api, { database: options.database });
      registerAccountRoutes(api, {
        accounts: accountsService,
        organisations: organisationsService,
        secureCookies: secure,
        notices: (auth) => notificationsService.personalData(auth),
      });
      registerOrganisationRoutes(api, { organisations: organisationsService, accounts: accountsService });
      registerPlatformRoutes(api, { platform: platformService });
      registerWorkspaceRoutes(api, { workspace: workspaceService });
      registerProcessRoutes(api, { process: processService });
      registerLedgerRoutes(api, { ledger: ledgerService });
      registerCollaborationRoutes(api, {
        collaborations: collaborationsService,
        workspace: composeWorkspace,
        invited: (invitation) =>
          notificationsService
            .invited(invitation)
            .catch((error: unknown) => options.logger.warn({ err: error }, 'invitation notice not made')),
      });
      registerWheelRoutes(api, { wheel: wheelService, workspace: composeWorkspace });
      registerFollowUpRoutes(api, { followUp: followUpService });
      registerAssessmentRoutes(api, { assessment: assessmentService });
      registerProgrammeRoutes(api, {
        programmes: programmesService,
        invited: (invitation) =>
          notificationsService
            .invited(invitation)
            .catch((error: unknown) => options.logger.warn({ err: error }, 'invitation notice not made')),
      });
      registerDataExportRoutes(api, {
        dataExport: new DataExportService({
          organisations: organisationsService,
          workspace: workspaceService,
          wheel: wheelService,
          assessment: assessmentService,
          process: async (actor, collaborationId) =>
            processExport(await processService.documented(actor, collaborationId)),
          programmes: programmesService,
          audit,
        }),
      });
      registerAuditRoutes(api, { audit });
      registerNotificationRoutes(api, { notifications: notificationsService, queue });
      registerLiveRoutes(api, {
        bus: live,
        presence: presenceRepository,
        read: (actor, collaborationId) => access.read(actor, collaborationId),
        stillReads: async (request, actor, collaborationId) => {
          const header = request.headers.authorization;
          const now = await accountsService.authenticate({
            bearer: header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined,
            cookie: request.cookies[SESSION_COOKIE],
          });
          if (
            !now?.organisation ||
            now.userId !== actor.userId ||
            now.organisation.id !== actor.organisation.id
          )
            return false;
          return access.read(now as OrganisationActor, collaborationId).then(
            () => true,
            () => false,
          );
        },
      });
      registerChangeHook(api, [
        { name: 'live updates', handle: (change) => live.publish(change) },
        {
          name: 'notifications',
          handle: (change, { actorUserId, answer }) =>
            notificationsService.fromChange(change, actorUserId, answer),
        },
      ]);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  if (serveWeb && options.webRoot) {
    await registerWebAssets(app, options.webRoot, {
      signedIn: async (request) =>
        Boolean(await accountsService.authenticate({ cookie: request.cookies[SESSION_COOKIE] })),
    });
  }

  const erasureService = new ErasureService(new ErasureRepository(options.database.db), {
    organisations: organisationsService,
    collaborations: collaborationsService,
    audit,
    log: options.logger,
  });

  return {
    app,
    services: {
      accounts: accountsService,
      organisations: organisationsService,
      platform: platformService,
      erasure: erasureService,
      audit,
      jobs: queue,
      notifications: notificationsService,
      presence: presenceRepository,
    },
  };
}

/**
 * A body the route accepts absent (`.nullish()`, such as submitting what is already saved) is not required in
 * the OpenAPI document; the zod provider marks every body required.
 */
function optionalNullableBodies<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const body = (
        operation as { requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } }
      ).requestBody;
      const schema = body?.content?.['application/json']?.schema as
        | { anyOf?: { type?: string }[] }
        | undefined;
      if (body && schema?.anyOf?.some((s) => s.type === 'null')) body.required = false;
    }
  }
  return document;
}
