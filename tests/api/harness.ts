import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { type Database, openDatabase } from '../../src/server/db/client.ts';
import { createLogger } from '../../src/server/logger.ts';
import type { Mailer } from '../../src/server/mail.ts';

export const PASSWORD = 'correct horse battery staple';

type SentMail = { to: string; subject: string; text: string };
/** The mail each test app captured, so `signUp` can follow a sign-up's confirmation link (decision 0012). */
const capturedMail = new WeakMap<FastifyInstance, SentMail[]>();
export function captureMail(app: FastifyInstance, mail: SentMail[]): void {
  capturedMail.set(app, mail);
}

/**
 * Test files sign up hundreds of people from one address (127.0.0.1); the per-address sign-up limit is
 * tested on its own (accounts-sign-up.test.ts).
 */
export const UNLIMITED_SIGN_UPS = {
  address: { free: 1_000_000, baseMs: 1, capMs: 1, windowMs: 1 },
  email: { free: 1_000_000, baseMs: 1, capMs: 1, windowMs: 1 },
};

/**
 * A fresh database for one test file: in-memory PGlite by default; with TEST_DATABASE_URL (set by
 * `npm test` for the PostgreSQL run) a new database on that server, dropped afterwards.
 */
export async function freshDatabase(): Promise<{
  database: Database;
  drop: () => Promise<void>;
  url?: string;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite-memory' });
    return { database, drop: async () => undefined };
  }
  const name = `iw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  logs: string[];
  mail: { to: string; subject: string; text: string }[];
  /** Runs the erasure job as if it were `now` (organisations past their grace period are erased). */
  eraseDue: (now: Date) => Promise<number>;
  /** Runs the audit log's retention purge as if it were `now`. */
  purgeAudit: (now: Date) => Promise<number>;
  /** Runs every background job due at `now` (reminder sweeps, e-mails); returns how many ran. */
  runJobs: (now?: Date) => Promise<number>;
  close: () => Promise<void>;
};

export async function startTestApp(
  options: { withMailer?: boolean; webRoot?: string; smtpUrl?: string } = {},
): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const mail: TestApp['mail'] = [];
  const mailer: Mailer = options.withMailer
    ? {
        send: async (message) => {
          mail.push(message);
        },
      }
    : null;
  const { app, services } = await buildApp({
    database,
    logger: createLogger('debug', stream),
    sessionSecret: 'test-secret-0123456789abcdef',
    publicUrl: 'http://localhost:3000',
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : { mailer }),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    signIn: { limits: { signUp: UNLIMITED_SIGN_UPS } },
  });
  captureMail(app, mail);
  await app.ready();
  return {
    app,
    database,
    logs,
    mail,
    eraseDue: (now) => services.erasure.eraseDue(now),
    purgeAudit: (now) => services.audit.purge(now),
    runJobs: (now) => services.jobs.runDue(now),
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/**
 * Several app servers on one fresh PostgreSQL database, as behind a load balancer: each with its own pool and
 * its own session cache. Needs TEST_DATABASE_URL (PGlite is one process by design).
 */
export async function startTestServers(count: number): Promise<{
  apps: FastifyInstance[];
  database: Database;
  /** The database's address, for a connection of a test's own. */
  url: string;
  /** Runs the first server's erasure job as if it were `now`. */
  eraseDue: (now: Date) => Promise<number>;
  /** Each server's pass over the due background jobs. */
  runJobs: ((now?: Date) => Promise<number>)[];
  /** The e-mail all servers sent, in one list. */
  mail: SentMail[];
  close: () => Promise<void>;
}> {
  const { database, drop, url } = await freshDatabase();
  if (!url) throw new Error('Several app servers need PostgreSQL: set TEST_DATABASE_URL.');
  const databases = [database];
  for (let i = 1; i < count; i++) databases.push(await openDatabase({ kind: 'postgres', url, poolSize: 5 }));
  const apps: FastifyInstance[] = [];
  const erasures: ((now: Date) => Promise<number>)[] = [];
  const runJobs: ((now?: Date) => Promise<number>)[] = [];
  const mail: SentMail[] = [];
  const mailer: Mailer = {
    send: async (message) => {
      mail.push(message);
    },
  };
  for (const db of databases) {
    const { app, services } = await buildApp({
      database: db,
      logger: createLogger('warn'),
      sessionSecret: 'test-secret-0123456789abcdef',
      publicUrl: 'http://localhost:3000',
      mailer,
      signIn: { limits: { signUp: UNLIMITED_SIGN_UPS } },
    });
    captureMail(app, mail);
    await app.ready();
    apps.push(app);
    erasures.push((now: Date) => services.erasure.eraseDue(now));
    runJobs.push((now) => services.jobs.runDue(now));
  }
  return {
    apps,
    database,
    url,
    runJobs,
    mail,
    eraseDue: (now) => erasures[0]!(now),
    close: async () => {
      for (const app of apps) await app.close();
      for (const db of databases) await db.close();
      await drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;
  userId: string | undefined;
  address = '127.0.0.1';

  constructor(private readonly app: FastifyInstance) {}

  async request(method: Method, url: string, body?: unknown, extra: Partial<InjectOptions> = {}) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const response = await this.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...headers, ...(extra.headers as Record<string, string> | undefined) },
      remoteAddress: this.address,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    const setCookie = response.cookies.find((c) => c.name === 'iw_session');
    if (setCookie) this.cookie = setCookie.value ? `iw_session=${setCookie.value}` : undefined;
    const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
    const json = response.body && isJson ? (JSON.parse(response.body) as Record<string, unknown>) : undefined;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: response.statusCode, body: json as Record<string, any>, raw: response };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}@example.org`;
}

export async function signUp(
  app: FastifyInstance,
  name = 'Test Person',
  email = uniqueEmail(),
): Promise<Client> {
  const client = new Client(app);
  let response = await client.post('/auth/sign-up', { name, email, password: PASSWORD });
  // With e-mail, the account is made when the link sent to the address is followed.
  if (response.status === 202) {
    // The confirmation goes out after the answer (decision 0012); through a real SMTP server it takes a moment.
    const find = () => capturedMail.get(app)?.findLast((m) => m.to === email.toLowerCase());
    for (let waited = 0; !find() && waited < 5_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const sent = find();
    const token = sent?.text.match(/\/sign-up\/confirm\/([\w-]+)/)?.[1];
    if (token) response = await client.post(`/auth/sign-up/${token}`);
  }
  if (response.status !== 201)
    throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  client.userId = response.body.user.id;
  return client;
}

/** A signed-up user who created (and acts for) an organisation. */
export async function signUpWithOrganisation(app: FastifyInstance, orgName = 'Werkpoort Test') {
  const client = await signUp(app);
  const created = await client.post('/organisations', { name: orgName, type: 'wise' });
  if (created.status !== 201) throw new Error(`create organisation failed: ${JSON.stringify(created.body)}`);
  return { client, organisationId: created.body.id as string };
}

/** Invites a new user into the client's organisation and returns them, signed in and acting for it. */
export async function addMember(app: FastifyInstance, admin: Client, role: 'admin' | 'member' = 'member') {
  const invitation = await admin.post('/organisation/invitations', { role });
  const token = String(invitation.body.link).split('/invitations/')[1]!;
  const member = await signUp(app);
  const accepted = await member.post(`/invitations/${token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return member;
}

/**
 * The text of a PDF, through poppler's pdftotext (installed by `npm test`): laid out as on the page, or in
 * reading order (`layout: false`), which keeps a column's lines together where columns stand side by side.
 */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  const args = options.layout === false ? ['-', '-'] : ['-layout', '-', '-'];
  return execFileSync('pdftotext', args, { input: pdf }).toString('utf8');
}

/** The same browser or script (cookie, CSRF token, bearer token, address) talking to another app server. */
export function through(app: FastifyInstance, client: Client): Client {
  const other = new Client(app);
  Object.assign(other, {
    cookie: client.cookie,
    csrf: client.csrf,
    bearer: client.bearer,
    userId: client.userId,
    address: client.address,
  });
  return other;
}

/** B's organisation joins a collaboration that A's organisation started. */
/** Two new organisations (their admins signed in), partners in a new collaboration started by the first. */
export async function twoPartners(
  app: FastifyInstance,
  names: readonly [string, string] = ['Werkpoort Test', 'Bouw Test'],
  collaboration = 'Samen',
) {
  const a = await signUpWithOrganisation(app, names[0]);
  const b = await signUpWithOrganisation(app, names[1]);
  const id = (await a.client.post('/collaborations', { name: collaboration, ambition: 'integration' })).body
    .collaboration.id as string;
  await invitePartner(a.client, b.client, id);
  return { a, b, id };
}

export async function invitePartner(a: Client, b: Client, collaborationId: string): Promise<void> {
  const link = (await a.post(`/collaborations/${collaborationId}/invitations`)).body.link as string;
  const accepted = await b.post(`/partner-invitations/${link.split('/partner-invitations/')[1]}/accept`);
  if (accepted.status !== 200) throw new Error(`partner accept failed: ${JSON.stringify(accepted.body)}`);
}

const witnesses = new WeakMap<FastifyInstance, Promise<Client>>();

/**
 * A partner organisation for tests that need a reveal but not a second set of answers: it joins the
 * collaboration and chooses to look together in the current round, for the wheel and the self-assessment, so
 * the reveal rule (two organisations, at least one submitted) is met as soon as the other submits. One per app,
 * created by a stranger, so no facilitator in a test knows it.
 */
/** The app's witness organisation (see addWitness), signed in. */
export function witnessOf(app: FastifyInstance): Promise<Client> {
  if (!witnesses.has(app))
    witnesses.set(
      app,
      signUpWithOrganisation(app, 'Getuige Partner').then((w) => w.client),
    );
  return witnesses.get(app)!;
}

export async function addWitness(
  app: FastifyInstance,
  owner: Client,
  collaborationId: string,
  parts: { assessment: boolean } = { assessment: true },
): Promise<Client> {
  const witness = await witnessOf(app);
  await invitePartner(owner, witness, collaborationId);
  await witnessRound(witness, collaborationId, parts);
  return witness;
}

/** The witness chooses to look together in the collaboration's current round (after a new round starts). */
export async function witnessRound(
  witness: Client,
  collaborationId: string,
  parts: { assessment: boolean } = { assessment: true },
): Promise<void> {
  for (const path of parts.assessment ? ['reveal-early', 'assessment/reveal-early'] : ['reveal-early']) {
    const response = await witness.post(`/collaborations/${collaborationId}/${path}`);
    if (response.status !== 200) throw new Error(`witness ${path} failed: ${JSON.stringify(response.body)}`);
  }
}
