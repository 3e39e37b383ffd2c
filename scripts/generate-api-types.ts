// npm run api:generate: writes the web client's API types from the OpenAPI document the server publishes.
// Run it after changing a route or a contract, and commit the result.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { API_TYPES_FILE, apiTypesFrom, openApiDocument, root } from './lib/api-types.ts';

const types = await apiTypesFrom(await openApiDocument());
writeFileSync(path.join(root, API_TYPES_FILE), types);
console.log(`Wrote ${API_TYPES_FILE} (${Math.round(types.length / 1024)} kB).`);
