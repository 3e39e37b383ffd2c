// The web client's API types, derived from the OpenAPI document the server publishes (docs/decisions/0006).
// Shared by `npm run api:generate` and the test that fails when the committed file is stale.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, {
  astToString,
  COMMENT_HEADER,
  type OpenAPI3,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  type TransformNodeOptions,
  transformSchemaObject,
  tsLiteral,
  tsRecord,
  tsUnion,
} from 'openapi-typescript';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { createLogger } from '../../src/server/logger.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the generated types live, relative to the project root. */
export const API_TYPES_FILE = 'src/web/api/schema.d.ts';

const HEADER = `${COMMENT_HEADER.trimEnd()}\n// Generated from GET /api/v1/openapi.json by \`npm run api:generate\`; tests/api/api-types.test.ts fails when stale.\n\n`;

/** Builds the app in-process on an in-memory database, only to read the OpenAPI document it publishes. */
export async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    const { app } = await buildApp({
      database,
      logger: createLogger('silent'),
      sessionSecret: 'api-types-only-0123456789abcdef',
      publicUrl: 'http://localhost:3000',
      mailer: null,
    });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}

/** The TypeScript of the document's paths and components, formatted by Biome as the rest of the tree. */
export async function apiTypesFrom(document: unknown): Promise<string> {
  const ast = await openapiTS(compact(document as OpenAPI3), { silent: true, transform: enumKeyedRecord });
  return biomeFormat(HEADER + astToString(ast));
}

const ERROR_SCHEMA = '#/components/schemas/ErrorResponse';
const ERROR_RESPONSE = '#/components/responses/Error';

const isReference = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

/**
 * Without this, every operation repeats the same six JSON error responses inline and the schemas that
 * zod emits for request input sit unreferenced beside them: more than half of a 230 kB file. The error
 * responses become one shared component and unreferenced schemas are dropped; no route's types change.
 */
function compact(source: OpenAPI3): OpenAPI3 {
  const document = structuredClone(source);
  let sharedError = false;
  for (const item of Object.values(document.paths ?? {})) {
    if (isReference(item)) continue;
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation || isReference(operation) || !operation.responses) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && isJsonError(response)) {
          operation.responses[status] = { $ref: ERROR_RESPONSE };
          sharedError = true;
        }
      }
    }
  }
  const components = document.components ?? {};
  document.components = components;
  if (sharedError) {
    components.responses = {
      ...components.responses,
      Error: {
        description: 'The error, with the fields at fault in details',
        content: { 'application/json': { schema: { $ref: ERROR_SCHEMA } } },
      },
    };
  }
  const schemas = components.schemas ?? {};
  const used = new Set<string>();
  const pending = referencedSchemas({ paths: document.paths, responses: components.responses });
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (used.has(name) || !(name in schemas)) continue;
    used.add(name);
    pending.push(...referencedSchemas(schemas[name]));
  }
  components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return document;
}

/**
 * zod writes a record keyed by an enum (every key present, as the stage rings) as propertyNames plus
 * required; openapi-typescript reads neither and would key it by any string, which the contracts' types
 * (Record<Stage, …>) do not accept.
 */
function enumKeyedRecord(schema: SchemaObject, options: TransformNodeOptions) {
  const record = schema as {
    propertyNames?: { enum?: unknown[] };
    required?: string[];
    additionalProperties?: SchemaObject | ReferenceObject | boolean;
  };
  const keys = record.propertyNames?.enum;
  const values = record.additionalProperties;
  if (!keys?.length || typeof values !== 'object' || !keys.every((k) => record.required?.includes(String(k))))
    return undefined;
  return tsRecord(tsUnion(keys.map((k) => tsLiteral(k))), transformSchemaObject(values, options));
}

function isJsonError(response: ResponseObject | ReferenceObject): boolean {
  if (isReference(response)) return false;
  const types = Object.keys(response.content ?? {});
  const schema = response.content?.['application/json']?.schema;
  return types.length === 1 && isReference(schema) && schema.$ref === ERROR_SCHEMA;
}

function referencedSchemas(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/'))
          found.push(child.slice('#/components/schemas/'.length));
        else visit(child);
      }
    }
  };
  visit(value);
  return found;
}

function biomeFormat(source: string): string {
  return execFileSync(
    path.join(root, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${API_TYPES_FILE}`],
    { cwd: root, input: source, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
}
