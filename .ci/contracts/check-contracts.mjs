#!/usr/bin/env node
// Contract checks that need code (run by .ci/validate-contracts; the OpenAPI lints and the doc freshness
// check are run by that script directly):
//   1. every JSON Schema under openapi/schemas compiles with Ajv in strict mode (draft 2020-12), ids unique,
//      index.json and the event-types folder agree;
//   2. the examples of every schema are valid against it;
//   3. every event of src/main/resources/seed/*.json is valid against openapi/schemas/event.schema.json and
//      its data against the schema of its type;
//   4. openapi/annals-asyncapi.yaml is a valid AsyncAPI document (@asyncapi/parser, relative $refs resolved;
//      any error-severity diagnostic fails), with one message per catalogue type whose payload $refs the shared
//      schema files (no copies), whose CloudEvents headers and payload schemas compile, and which accepts the
//      records Annals publishes for the seed (value and headers as built by TimelineEvent / CloudEventRecords);
//   5. docs/subscribing.md: its record example is the seed event as published, its tables name every header
//      and dead-letter reason of the AsyncAPI document.
// Prints one line per check and "<N> checks passed" (exit 0) or the failures (exit 1).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import YAML from 'yaml';
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const Ajv07 = AjvModule.default ?? AjvModule;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const rel = (file) => path.relative(root, file);
const schemasDir = path.join(root, 'openapi', 'schemas');
const typesDir = path.join(schemasDir, 'event-types');
const seedDir = path.join(root, 'src', 'main', 'resources', 'seed');
const asyncapiFile = path.join(root, 'openapi', 'annals-asyncapi.yaml');
const DRAFT_2020_12 = 'application/schema+json;version=draft-2020-12';
const CE_TYPE_PREFIX = 'dev.annals.';

let passed = 0;
const failures = [];

/** Runs one named check; a thrown error or a returned non-empty list of problems fails it. */
async function check(name, fn) {
  let problems;
  try {
    problems = (await fn()) ?? [];
  } catch (err) {
    problems = [err instanceof Error ? err.message : String(err)];
  }
  if (problems.length === 0) {
    passed++;
    console.log(`  ok    ${name}`);
  } else {
    failures.push(name);
    console.log(`  FAIL  ${name}`);
    for (const problem of problems) console.log(`        - ${problem}`);
  }
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const sortKeys = (value) => (Array.isArray(value) ? value.map(sortKeys)
  : value && typeof value === 'object'
    ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])])) : value);
const ajvErrors = (validate) => (validate.errors ?? []).map(
  (e) => `${e.instancePath || '/'} ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`);

function newAjv2020() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** Removes the x-parser-* annotations @asyncapi/parser adds, which Ajv's strict mode rightly rejects. */
function stripParserAnnotations(value) {
  if (Array.isArray(value)) return value.map(stripParserAnnotations);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value)
      .filter(([key]) => !key.startsWith('x-parser-'))
      .map(([key, v]) => [key, stripParserAnnotations(v)]));
  }
  return value;
}

/** A journal event as the relay publishes it: value per TimelineEvent, headers per CloudEventRecords. */
function publishedRecord(event, timelineId, sequence, recordedAt) {
  const occurredAt = event.occurredAt; // kept with the offset the client gave
  const ceTime = new Date(event.occurredAt).toISOString().replace('.000Z', 'Z'); // ce_time: the same instant in UTC
  const value = {
    id: event.id,
    timelineId,
    sequence,
    type: event.type,
    typeVersion: 1, // the version of a freshly registered type
    occurredAt,
    occurredAtPrecision: event.occurredAtPrecision ?? 'second',
    recordedAt,
    title: event.title,
    ...(event.summary !== undefined ? { summary: event.summary } : {}),
    actors: event.actors ?? [],
    // Source is @JsonInclude(NON_NULL): a missing url is omitted
    sources: (event.sources ?? []).map((s) => ({ publisher: s.publisher, ...(s.url !== undefined ? { url: s.url } : {}), reliability: s.reliability })),
    tags: event.tags ?? [],
    data: event.data ?? {},
  };
  const headers = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_source: '/annals',
    ce_type: CE_TYPE_PREFIX + event.type,
    ce_time: ceTime,
    ce_subject: timelineId,
    ce_dataschema: `http://localhost:8080/v1/event-types/${event.type}/versions/1`,
    ce_sequence: String(sequence),
    ce_sequencetype: 'Integer',
    'content-type': 'application/json',
  };
  return { key: timelineId, value, headers };
}

// ---------------------------------------------------------------------------------------------------------
console.log('JSON Schemas (Ajv strict, draft 2020-12)');
const typeNames = readJson(path.join(typesDir, 'index.json'));
// Further packs (src/main/resources/packs/<pack>/, registered over the API by the demo run): their schemas follow
// the same rules, and the seed storylines may use their types. The committed AsyncAPI document covers the
// built-in pack only; GET /v1/asyncapi covers every registered type (AsyncApiLiveTest).
const packsDir = path.join(root, 'src', 'main', 'resources', 'packs');
const packDirs = fs.existsSync(packsDir)
  ? fs.readdirSync(packsDir).map((d) => path.join(packsDir, d)).filter((d) => fs.existsSync(path.join(d, 'index.json'))).sort()
  : [];
const typeDirs = [typesDir, ...packDirs];
const schemaFiles = [
  path.join(schemasDir, 'event.schema.json'),
  path.join(schemasDir, 'published-event.schema.json'),
  ...typeDirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort().map((f) => path.join(dir, f))),
];
const ajv = newAjv2020();
const schemas = new Map(); // file -> schema
const validators = new Map(); // file -> compiled validator

await check('event-types/index.json lists every <type>.schema.json exactly once', () => {
  const problems = [];
  const files = new Set(fs.readdirSync(typesDir).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace(/\.schema\.json$/, '')));
  if (new Set(typeNames).size !== typeNames.length) problems.push('index.json has duplicates');
  for (const t of typeNames) if (!files.has(t)) problems.push(`index.json lists ${t} but ${t}.schema.json is missing`);
  for (const f of files) if (!typeNames.includes(f)) problems.push(`${f}.schema.json is not listed in index.json`);
  for (const t of typeNames) if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(t)) problems.push(`type name ${t} is not a valid type slug`);
  return problems;
});

for (const file of schemaFiles) {
  await check(`${rel(file)} compiles (strict)`, () => {
    const schema = readJson(file);
    const problems = [];
    if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') problems.push(`$schema is ${schema.$schema}, expected draft 2020-12`);
    const type = path.basename(file).replace(/\.schema\.json$/, '');
    const idPattern = typeDirs.includes(path.dirname(file))
      ? new RegExp(`^https://annals\\.dev/schemas/event-types/${type}/v[1-9][0-9]*\\.json$`)
      : /^https:\/\/annals\.dev\/schemas\/[a-z-]+\/v[1-9][0-9]*\.json$/;
    if (!idPattern.test(schema.$id ?? '')) problems.push(`$id ${schema.$id} does not match ${idPattern}`);
    if (!schema.title || !schema.description) problems.push('title and description are required');
    if (problems.length) return problems;
    validators.set(file, ajv.compile(schema)); // throws on strict-mode violations and duplicate $id
    schemas.set(file, schema);
    return [];
  });
}

console.log('Schema examples');
for (const file of schemaFiles) {
  const schema = schemas.get(file);
  if (!schema) continue;
  const examples = schema.examples ?? [];
  await check(`${rel(file)}: ${examples.length} example(s) valid`, () => {
    if (typeDirs.includes(path.dirname(file)) && examples.length === 0) return ['an event-type schema needs at least one example'];
    const problems = [];
    const validate = validators.get(file);
    examples.forEach((example, i) => {
      if (!validate(example)) problems.push(...ajvErrors(validate).map((e) => `examples[${i}]${e}`));
    });
    return problems;
  });
}

const eventFile = path.join(schemasDir, 'event.schema.json');
const publishedFile = path.join(schemasDir, 'published-event.schema.json');
const typeFile = (type) =>
  typeDirs.map((dir) => path.join(dir, `${type}.schema.json`)).find((f) => fs.existsSync(f)) ?? path.join(typesDir, `${type}.schema.json`);

console.log('Seed data');
const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.json')).sort();
const publishedRecords = []; // what Annals would publish for the seed
await check('src/main/resources/seed has at least one timeline', () => (seeds.length ? [] : ['no seed file']));
for (const seedName of seeds) {
  const seedFile = path.join(seedDir, seedName);
  const timelineId = seedName.replace(/\.json$/, '');
  const events = readJson(seedFile);
  await check(`${rel(seedFile)}: a non-empty array, timeline id and event ids valid and unique`, () => {
    const problems = [];
    if (!Array.isArray(events) || events.length === 0) return ['not a non-empty array'];
    if (!/^[a-z0-9][a-z0-9-]{0,127}$/.test(timelineId)) problems.push(`file name ${timelineId} is not a timeline id slug`);
    const ids = events.map((e) => e.id);
    if (ids.some((id) => !id)) problems.push('every seed event needs a fixed id (idempotent reloads)');
    if (new Set(ids).size !== ids.length) problems.push('duplicate event ids');
    return problems;
  });
  if (!Array.isArray(events)) continue;
  const recordedAt = '2026-11-28T20:48:12.86621Z';
  for (const [i, event] of events.entries()) {
    await check(`${rel(seedFile)}[${i}] (${event.type}): event.schema.json + data against ${event.type}.schema.json`, () => {
      const problems = [];
      const validateEvent = validators.get(eventFile);
      if (!validateEvent(event)) problems.push(...ajvErrors(validateEvent).map((e) => `event ${e}`));
      const validateData = validators.get(typeFile(event.type));
      if (!validateData) {
        problems.push(`unknown type ${event.type}`);
      } else if (!validateData(event.data ?? {})) {
        problems.push(...ajvErrors(validateData).map((e) => `data${e}`));
      }
      return problems;
    });
    publishedRecords.push(publishedRecord(event, timelineId, i + 1, recordedAt));
  }
  await check(`${rel(seedFile)}: the published values are valid against published-event.schema.json`, () => {
    const validate = validators.get(publishedFile);
    return publishedRecords.filter((r) => r.key === timelineId).flatMap(
      (r) => (validate(r.value) ? [] : ajvErrors(validate).map((e) => `sequence ${r.value.sequence}: ${e}`)));
  });
}
await check('published-event.schema.json tolerates additive fields', () => {
  const validate = validators.get(publishedFile);
  const value = structuredClone(publishedRecords[0].value);
  value.someFutureField = { any: 'thing' };
  value.actors.push({ id: 'x', name: 'X', futureActorField: 1 });
  return validate(value) ? [] : ajvErrors(validate);
});

// ---------------------------------------------------------------------------------------------------------
console.log('AsyncAPI document');
const raw = YAML.parse(fs.readFileSync(asyncapiFile, 'utf8'));
const parser = new Parser();
let document;
await check(`${rel(asyncapiFile)} parses and validates (@asyncapi/parser, no error diagnostics)`, async () => {
  const result = await fromFile(parser, asyncapiFile).parse();
  const severityName = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
  for (const d of result.diagnostics) {
    if (d.severity !== DiagnosticSeverity.Error) {
      console.log(`        (${severityName[d.severity]}) ${d.code} at ${d.path.join('.') || '/'}: ${d.message}`);
    }
  }
  const errors = result.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  document = result.document;
  const problems = errors.map((d) => `${d.code} at ${d.path.join('.') || '/'}: ${d.message}`);
  if (!document && problems.length === 0) problems.push('the parser returned no document');
  if (raw.asyncapi !== '3.0.0') problems.push(`asyncapi is ${raw.asyncapi}, expected 3.0.0`);
  return problems;
});

const camel = (type) => type.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const rawMessages = raw.components?.messages ?? {};

await check('one message per catalogue type, listed on channel annalsEvents and operation receiveTimelineEvents', () => {
  const problems = [];
  const channelMessages = Object.keys(raw.channels?.annalsEvents?.messages ?? {});
  const operationMessages = (raw.operations?.receiveTimelineEvents?.messages ?? []).map((m) => m.$ref);
  const expected = typeNames.map(camel);
  for (const name of expected) {
    if (!rawMessages[name]) problems.push(`components.messages.${name} is missing`);
    if (!channelMessages.includes(name)) problems.push(`channels.annalsEvents.messages.${name} is missing`);
    if (!operationMessages.includes(`#/channels/annalsEvents/messages/${name}`)) problems.push(`operations.receiveTimelineEvents does not list ${name}`);
  }
  for (const name of channelMessages) if (!expected.includes(name)) problems.push(`channel message ${name} is no catalogue type`);
  if (raw.operations?.receiveTimelineEvents?.action !== 'receive') problems.push('receiveTimelineEvents must be a receive operation');
  if (raw.operations?.receiveDeadLetters?.action !== 'receive') problems.push('receiveDeadLetters must be a receive operation');
  if (raw.channels?.annalsEvents?.address !== 'annals.events') problems.push('annalsEvents address must be annals.events');
  if (raw.channels?.annalsEventsDlq?.address !== 'annals.events.dlq') problems.push('annalsEventsDlq address must be annals.events.dlq');
  return problems;
});

for (const type of typeNames) {
  const name = camel(type);
  await check(`message ${name}: refs the shared schema files, ce_type/type consts, title matches the schema`, () => {
    const message = rawMessages[name];
    if (!message) return ['missing'];
    const problems = [];
    const payload = message.payload ?? {};
    if (payload.schemaFormat !== DRAFT_2020_12) problems.push(`payload.schemaFormat must be ${DRAFT_2020_12}`);
    const allOf = payload.schema?.allOf ?? [];
    if (allOf[0]?.$ref !== './schemas/published-event.schema.json') problems.push('payload.schema.allOf[0] must be {$ref: ./schemas/published-event.schema.json}');
    if (allOf[1]?.properties?.type?.const !== type) problems.push(`payload.schema.allOf[1].properties.type.const must be ${type}`);
    if (allOf[1]?.properties?.data?.$ref !== `./schemas/event-types/${type}.schema.json`) problems.push(`payload data must $ref ./schemas/event-types/${type}.schema.json`);
    const ceType = message.headers?.allOf?.[1]?.properties?.ce_type?.const;
    if (ceType !== CE_TYPE_PREFIX + type) problems.push(`headers ce_type const is ${ceType}, expected ${CE_TYPE_PREFIX}${type}`);
    if (message.headers?.allOf?.[0]?.$ref !== '#/components/schemas/cloudEventHeaders') problems.push('headers must build on #/components/schemas/cloudEventHeaders');
    const schemaTitle = schemas.get(typeFile(type))?.title;
    if (message.title !== schemaTitle) problems.push(`title "${message.title}" differs from the schema title "${schemaTitle}"`);
    if (message.bindings?.$ref !== '#/components/messageBindings/timelineKeyed') problems.push('bindings must be #/components/messageBindings/timelineKeyed (key = timeline id)');
    return problems;
  });
}

await check('no copy of a shared schema in the AsyncAPI document (only $refs to the files)', () => {
  const ids = new Set([...schemas.values()].map((s) => s.$id));
  const problems = [];
  const walk = (node, where) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      if (typeof node.$id === 'string' && ids.has(node.$id)) problems.push(`${where} copies ${node.$id}`);
      for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`);
    }
  };
  walk(raw, '$');
  return problems;
});

// Compile the resolved schemas of every message and validate the records Annals publishes for the seed.
const headersAjv = new Ajv07({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(headersAjv);
const compiled = new Map(); // type -> {headers, payload}
if (document) {
  for (const type of typeNames) {
    const name = camel(type);
    await check(`message ${name}: resolved headers (AsyncAPI schema) and payload (draft 2020-12) compile strictly`, () => {
      const message = document.components().messages().get(name);
      if (!message) return ['missing in the parsed document'];
      const headers = headersAjv.compile(stripParserAnnotations(message.headers().json()));
      const payloadJson = message.payload().json();
      const payloadSchema = stripParserAnnotations(payloadJson.schema ?? payloadJson);
      const payload = newAjv2020().compile(payloadSchema); // fresh instance: the embedded $ids repeat per message
      compiled.set(type, { headers, payload });
      return [];
    });
  }
  await check('every published seed record matches the message of its ce_type (headers, key and payload)', () => {
    const problems = [];
    const keySchema = headersAjv.compile(stripParserAnnotations(
      document.components().messages().get(camel(typeNames[0])).bindings().get('kafka').value().key));
    for (const record of publishedRecords) {
      const where = `${record.key}#${record.value.sequence}`;
      const type = record.headers.ce_type.slice(CE_TYPE_PREFIX.length);
      if (!typeNames.includes(type)) continue; // a pack type: in the live document, not the committed one
      const validators = compiled.get(type);
      if (!validators) { problems.push(`${where}: no message for ${record.headers.ce_type}`); continue; }
      if (!validators.headers(record.headers)) problems.push(...ajvErrors(validators.headers).map((e) => `${where} headers${e}`));
      if (!validators.payload(record.value)) problems.push(...ajvErrors(validators.payload).map((e) => `${where} value${e}`));
      if (!keySchema(record.key)) problems.push(...ajvErrors(keySchema).map((e) => `${where} key ${e}`));
      for (const [other, v] of compiled) {
        if (other !== type && v.headers(record.headers)) problems.push(`${where}: headers also match the message of ${other}`);
      }
    }
    return problems;
  });
  await check('message payloads reject a record whose data breaks its type schema', () => {
    const record = publishedRecords[0];
    const broken = { ...record.value, data: { unexpected: true } };
    return compiled.get(record.value.type)?.payload(broken) ? ['a record with invalid data was accepted'] : [];
  });
  await check('dead-letter message: key, headers (annals_dlq_*) compile; a dead letter validates', () => {
    const message = document.components().messages().get('deadLetter');
    if (!message) return ['components.messages.deadLetter is missing'];
    const problems = [];
    const headers = headersAjv.compile(stripParserAnnotations(message.headers().json()));
    const reasons = message.headers().json().properties?.annals_dlq_reason?.enum ?? [];
    const expectedReasons = ['not-json', 'missing-header', 'unknown-type', 'invalid-event', 'invalid-data'];
    if (JSON.stringify(reasons) !== JSON.stringify(expectedReasons)) problems.push(`annals_dlq_reason enum is ${reasons}, expected ${expectedReasons}`);
    const deadLetter = { ...publishedRecords[0].headers, annals_dlq_reason: 'invalid-data',
      annals_dlq_detail: '/data/party: must match pattern', annals_dlq_topic: 'annals.events',
      annals_dlq_partition: '2', annals_dlq_offset: '117', annals_dlq_generation: '1', annals_dlq_runner: 'live' };
    if (!headers(deadLetter)) problems.push(...ajvErrors(headers).map((e) => `headers${e}`));
    if (headers({ annals_dlq_reason: 'other' })) problems.push('headers without the annals_dlq_* set were accepted');
    const key = headersAjv.compile(stripParserAnnotations(message.bindings().get('kafka').value().key));
    if (!key(null) || !key('anthropic-dod-standoff')) problems.push('the key must allow the original key or null');
    return problems;
  });
}

console.log('docs/subscribing.md');
const subscribing = fs.readFileSync(path.join(root, 'docs', 'subscribing.md'), 'utf8');
await check('docs/subscribing.md: the record value example is a valid published event of its type', () => {
  const blocks = [...subscribing.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]));
  const value = blocks.find((b) => b && typeof b === 'object' && 'timelineId' in b && 'sequence' in b);
  if (!value) return ['no ```json block with a published event'];
  const validate = validators.get(publishedFile);
  const problems = validate(value) ? [] : ajvErrors(validate);
  const payload = compiled.get(value.type)?.payload;
  if (!payload) problems.push(`no message for type ${value.type}`);
  else if (!payload(value)) problems.push(...ajvErrors(payload).map((e) => `message payload: ${e}`));
  const seedEvent = publishedRecords.find((r) => r.value.id === value.id);
  if (!seedEvent) problems.push(`the example (id ${value.id}) is not an event of the demo seed`);
  else {
    const { recordedAt: _a, ...expected } = seedEvent.value;
    const { recordedAt: _b, ...actual } = value;
    if (JSON.stringify(sortKeys(expected)) !== JSON.stringify(sortKeys(actual))) problems.push('the example differs from the seed event as Annals publishes it');
  }
  return problems;
});
await check('docs/subscribing.md: documents every CloudEvents header and every annals_dlq_reason', () => {
  const headers = raw.components?.schemas?.cloudEventHeaders?.required ?? [];
  const reasons = raw.components?.messages?.deadLetter?.headers?.properties?.annals_dlq_reason?.enum ?? [];
  const dlqHeaders = raw.components?.messages?.deadLetter?.headers?.required ?? [];
  return [...headers, ...dlqHeaders, ...reasons]
    .filter((name) => !subscribing.includes(`| \`${name}\` |`))
    .map((name) => `no table row for \`${name}\``);
});

console.log('');
if (failures.length) {
  console.log(`${failures.length} check(s) FAILED, ${passed} passed:`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log(`${passed} checks passed`);
