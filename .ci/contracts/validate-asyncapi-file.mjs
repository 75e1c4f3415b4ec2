#!/usr/bin/env node
// Validates one AsyncAPI document (JSON or YAML), e.g. the live one of GET /v1/asyncapi saved by AsyncApiLiveTest:
//   1. @asyncapi/parser: the document parses and validates, asyncapi 3.0.0, no error-severity diagnostic;
//   2. Ajv (draft 2020-12): every message's headers and payload schema compile with the whole document as their
//      resource, so every local $ref (rewritten when the registry's schemas were inlined) resolves.
// Usage: node .ci/contracts/validate-asyncapi-file.mjs <file>. Prints the problems and exits 1, or "valid" and 0.
import fs from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import YAML from 'yaml';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate-asyncapi-file.mjs <asyncapi.json|yaml>');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');
const problems = [];

const result = await new Parser().parse(text, { source: file });
for (const d of result.diagnostics) {
  if (d.severity === DiagnosticSeverity.Error) problems.push(`parser: ${d.code} at ${d.path.join('.') || '/'}: ${d.message}`);
}
if (!result.document && problems.length === 0) problems.push('parser: no document');

const raw = YAML.parse(text);
if (raw?.asyncapi !== '3.0.0') problems.push(`asyncapi is ${raw?.asyncapi}, expected 3.0.0`);

// The document is no JSON Schema, so not strict: it only serves as the resource the $refs point into.
const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
addFormats(ajv);
// Its root "id" is AsyncAPI's, which Ajv would take for a draft-04 schema id.
const { id: _documentId, ...resource } = raw ?? {};
ajv.addSchema(resource, 'https://asyncapi.invalid/document.json');
const messages = raw?.components?.messages ?? {};
for (const [name, message] of Object.entries(messages)) {
  const base = `https://asyncapi.invalid/document.json#/components/messages/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (message.headers) {
    try { ajv.compile({ $ref: `${base}/headers` }); } catch (e) { problems.push(`${name} headers: ${e.message}`); }
  }
  const payload = message.payload ?? {};
  const pointer = payload.schemaFormat ? `${base}/payload/schema` : `${base}/payload`;
  try { ajv.compile({ $ref: pointer }); } catch (e) { problems.push(`${name} payload: ${e.message}`); }
}

if (problems.length > 0) {
  for (const p of problems) console.log(p);
  process.exit(1);
}
console.log(`valid: ${Object.keys(messages).length} messages`);
