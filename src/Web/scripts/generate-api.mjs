// Generates the TypeScript types of every REST call from the services' OpenAPI documents
// (api/*.json, checked in and compared with what the running services publish by the
// whole-system tests), so the client cannot drift from the servers unnoticed.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const documents = path.join(root, 'api');
const output = path.join(root, 'src', 'api', 'generated');
await mkdir(output, { recursive: true });

for (const file of (await readdir(documents)).filter((name) => name.endsWith('.json')).sort()) {
  const document = JSON.parse(await readFile(path.join(documents, file), 'utf8'));
  const ast = await openapiTS(document, { alphabetize: true });
  const target = path.join(output, file.replace(/\.json$/, '.ts'));
  const text = `// Generated from api/${file} by scripts/generate-api.mjs: do not edit.\n${astToString(ast)}`;
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) await writeFile(target, text);
}
