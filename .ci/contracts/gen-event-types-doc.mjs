#!/usr/bin/env node
// Generates docs/event-types.md from openapi/schemas/event-types/ (index.json + <type>.schema.json).
//   node .ci/contracts/gen-event-types-doc.mjs docs/event-types.md   # refresh the committed doc
//   node .ci/contracts/gen-event-types-doc.mjs                        # print to stdout
// Paths are relative to the current directory; the schemas are found relative to this script.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const typesDir = path.join(root, 'openapi', 'schemas', 'event-types');
const REFRESH = 'node .ci/contracts/gen-event-types-doc.mjs docs/event-types.md';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const cell = (text) => String(text ?? '').replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => '`' + String(text).replace(/\|/g, '\\|') + '`';

function range(min, max, unit) {
  if (min === undefined && max === undefined) return null;
  if (min !== undefined && max !== undefined) return `${min}..${max} ${unit}`;
  return min !== undefined ? `≥ ${min} ${unit}` : `≤ ${max} ${unit}`;
}

/** A compact, human-readable type with its constraints, e.g. "string (date-time)", "array of string, 1..20 items". */
function describeType(schema) {
  if (schema === true || schema === undefined) return 'any';
  if (schema.const !== undefined) return `const ${code(JSON.stringify(schema.const))}`;
  if (schema.enum) return 'one of ' + schema.enum.map((v) => code(v)).join(', ');
  const types = [].concat(schema.type ?? []);
  const parts = [];
  if (types.includes('array')) {
    const item = schema.items ? describeType(schema.items) : 'any';
    parts.push(`array of ${item.includes(', ') ? `(${item})` : item}`);
    const items = range(schema.minItems, schema.maxItems, 'items');
    if (items) parts.push(items);
    if (schema.uniqueItems) parts.push('unique');
    return parts.join(', ');
  }
  let base = types.length ? types.join(' or ') : 'any';
  if (schema.format) base += ` (${schema.format})`;
  parts.push(base);
  const length = range(schema.minLength, schema.maxLength, 'chars');
  if (length) parts.push(length);
  const number = range(schema.minimum, schema.maximum, '');
  if (number) parts.push(number.trim());
  if (schema.pattern) parts.push(`pattern ${code(schema.pattern)}`);
  return parts.join(', ');
}

/** Rows for the fields of an object schema; nested objects are flattened as a.b, arrays of objects as a[].b. */
function fieldRows(schema, prefix = '') {
  const rows = [];
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const field = prefix + name;
    rows.push(`| ${code(field)} | ${cell(describeType(prop))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(prop.description)} |`);
    if (prop.properties) rows.push(...fieldRows(prop, `${field}.`));
    if (prop.items?.properties) rows.push(...fieldRows(prop.items, `${field}[].`));
  }
  return rows;
}

export function generate() {
  const types = readJson(path.join(typesDir, 'index.json'));
  const out = [];
  out.push('# Event types');
  out.push('');
  out.push('<!-- GENERATED from openapi/schemas/event-types/ by .ci/contracts/gen-event-types-doc.mjs: do not edit.');
  out.push(`     Refresh with: ${REFRESH} -->`);
  out.push('');
  out.push('The catalogue of event types: the `type` of an event, and the JSON Schema (draft 2020-12) its `data`');
  out.push('object must satisfy. The schema files in [`openapi/schemas/event-types/`](../openapi/schemas/event-types) are');
  out.push('the single source: the server validates appends against them, `GET /v1/event-types/{type}` serves them, and');
  out.push('the AsyncAPI document ([`openapi/annals-asyncapi.yaml`](../openapi/annals-asyncapi.yaml)) references them,');
  out.push('one message per type. On the topic `annals.events` the type is also the header `ce_type` =');
  out.push('`dev.annals.<type>`. How the schemas may change: [schema-evolution.md](schema-evolution.md).');
  out.push('');
  out.push('| type | title | `ce_type` |');
  out.push('|---|---|---|');
  const schemas = types.map((type) => [type, readJson(path.join(typesDir, `${type}.schema.json`))]);
  for (const [type, schema] of schemas) {
    out.push(`| [${code(type)}](#${type}) | ${cell(schema.title)} | ${code('dev.annals.' + type)} |`);
  }
  for (const [type, schema] of schemas) {
    out.push('');
    out.push(`## ${type}`);
    out.push('');
    out.push(`**${cell(schema.title)}.** ${schema.description ?? ''}`.trim());
    out.push('');
    const extra = schema.additionalProperties === false ? 'other fields are rejected' : 'other fields are allowed';
    out.push(`Schema: [\`${type}.schema.json\`](../openapi/schemas/event-types/${type}.schema.json)`
      + ` (\`$id\` \`${schema.$id}\`); ${extra}.`);
    out.push('');
    out.push('| field | type | required | description |');
    out.push('|---|---|---|---|');
    out.push(...fieldRows(schema));
    for (const [i, example] of (schema.examples ?? []).entries()) {
      out.push('');
      out.push(schema.examples.length > 1 ? `Example ${i + 1} (\`data\`):` : 'Example (`data`):');
      out.push('');
      out.push('```json');
      out.push(JSON.stringify(example, null, 2));
      out.push('```');
    }
  }
  out.push('');
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const doc = generate();
  const target = process.argv[2];
  if (target) {
    fs.writeFileSync(target, doc);
  } else {
    process.stdout.write(doc);
  }
}
