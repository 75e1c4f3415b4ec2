// Type-check only (tsc --strict --noEmit, never run): the generated TypeScript client is usable as intended.
// "annals-client" is target/generated-sources/typescript (see tsconfig.json paths).
import {
  AppendApi,
  Configuration,
  CorrectionsApi,
  EventTypesApi,
  JournalApi,
  ProjectionsApi,
  Precision,
  QueryApi,
  FacetKind,
  TimelinesApi,
  Reliability,
  ResponseError,
  ProblemFromJSON,
  type ActorPage,
  type AppendEventsRequest,
  type AppendResult,
  type ChangePage,
  type EventContext,
  type EventHistory,
  type Event,
  type EventPage,
  type EventType,
  type EventTypeDefinition,
  type EventTypeList,
  type Facets,
  type TimelineMetadata,
  type NewEvent,
  type Problem,
  type ProjectionList,
  type QueryTimelineEventsRequest,
  type RegisterEventTypeRequest,
  type StreamPage,
} from 'annals-client';

// every /v1 operation needs a bearer token (the spec's `bearer` scheme); the generated client sends it
const token: string = 'eyJ…'; // a JWT from your identity provider (./mvnw -Prun prints some)
const config = new Configuration({ basePath: 'http://localhost:8080', accessToken: async () => token });
const appendApi = new AppendApi(config);
const queryApi = new QueryApi(config);
const journalApi = new JournalApi(config);
const eventTypesApi = new EventTypesApi(config);
const projectionsApi = new ProjectionsApi(config);

const refusal: NewEvent = {
  id: '2d1f0c3e-8c1a-4f0e-9a47-6c1b1f0f8e11',
  type: 'terms-refused',
  occurredAt: new Date('2026-02-26T18:00:00-05:00'),
  occurredAtPrecision: Precision.Hour,
  title: "Anthropic formally rejects the Pentagon's demands",
  actors: [{ id: 'anthropic', name: 'Anthropic', role: 'party' }],
  sources: [{ publisher: 'The Verge', url: 'https://www.theverge.com/', reliability: Reliability.Reported }],
  tags: ['terms-refused', 'red-lines'],
  data: { party: 'anthropic', counterparty: 'us-dod', refusedTerms: 'Unrestricted military access' },
};

// Required fields and enums are enforced by the types.
// @ts-expect-error title is required
const untitled: NewEvent = { type: 'terms-refused', occurredAt: new Date() };
// @ts-expect-error 'week' is not a Precision
const weekly: NewEvent = { ...refusal, occurredAtPrecision: 'week' };
// @ts-expect-error occurredAt is a Date, not a string
const stringly: NewEvent = { ...refusal, occurredAt: '2026-02-26T18:00:00-05:00' };

export async function appendAndQuery(timelineId: string): Promise<string[]> {
  const request: AppendEventsRequest = { timelineId, events: [refusal], ifNoneMatch: '*' };
  const appended: AppendResult = await appendApi.appendEvents(request);
  const version: number = appended.version;
  const sequences: number[] = appended.events.map((e) => e.sequence);

  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const query: QueryTimelineEventsRequest = {
      timelineId,
      type: ['terms-refused', 'red-line-stated'],
      actor: ['anthropic'],
      q: '"red lines" surveillance',
      from: new Date('2026-02-26T00:00:00Z'),
      limit: 2,
      cursor,
      waitFor: appended.position,
    };
    const page: EventPage = await queryApi.queryTimelineEvents(query);
    page.items.forEach((e: Event) => titles.push(`${e.sequence} ${e.title} ${e.occurredAt.toISOString()}`));
    cursor = page.nextCursor;
  } while (cursor !== undefined);

  const one: Event = await queryApi.getEvent({ eventId: appended.events[0].id, waitFor: appended.position });
  const precision: Precision = one.occurredAtPrecision;
  const stream: StreamPage = await journalApi.readStream({ timelineId, fromSequence: 1, limit: 100 });
  const next: number | undefined = stream.nextSequence;
  const streamed: number = stream.items.length;

  // every list is an object with items; paged ones carry nextCursor
  const actors: ActorPage = await queryApi.listActors({ timeline: [timelineId], limit: 10 });
  const actorIds: string[] = actors.items.map((a) => a.id);
  const moreActors: string | undefined = actors.nextCursor;
  const types: EventTypeList = await eventTypesApi.listEventTypes();
  const projections: ProjectionList = await projectionsApi.listProjections();
  titles.push(`${actorIds.join(',')} ${moreActors} ${types.items.length} ${projections.items[0].name} ${streamed}`);

  try {
    await appendApi.appendEvents({ timelineId, events: [refusal], ifMatch: `"${version - 1}"` });
  } catch (err) {
    if (err instanceof ResponseError && err.response.status === 412) {
      const problem: Problem = ProblemFromJSON(await err.response.json());
      const current: number | undefined = problem.currentVersion;
      const requestId: string | undefined = problem.requestId;
      const where: string | undefined =
        problem.errors?.[0]?.pointer ?? problem.errors?.[0]?.parameter ?? problem.errors?.[0]?.header;
      const detail: string | undefined = problem.errors?.[0]?.detail;
      titles.push(`${problem.status} ${problem.title} ${current} ${requestId} ${where} ${detail}`);
    } else {
      throw err;
    }
  }
  titles.push(`${sequences.join(',')} ${precision} ${next}`);
  return titles;
}

// A type of the court-case pack (src/main/resources/packs/court-case), registered by an admin token: title,
// description and examples come from the schema file, as the dev run and the compose seed send them.
const rulingIssued: EventTypeDefinition = {
  title: 'Ruling issued',
  description: 'A court decides something in a case: an order on a motion, a judgment, an appellate decision.',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://annals.dev/schemas/event-types/ruling-issued/v1.json',
    type: 'object',
    properties: {
      court: { type: 'string', minLength: 1, maxLength: 200 },
      issuedBy: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,127}$' } },
      kind: { type: 'string', enum: ['order', 'judgment', 'appellate-decision', 'other'] },
      holding: { type: 'string', minLength: 1, maxLength: 2000 },
    },
    required: ['court', 'issuedBy', 'kind', 'holding'],
    additionalProperties: false,
  },
  examples: [
    {
      court: 'Kessington County Superior Court',
      issuedBy: ['judge-teodora-vance'],
      kind: 'order',
      holding: 'The unpaid-screening-time claim may proceed.',
    },
  ],
};
// @ts-expect-error schema is required
const schemaless: EventTypeDefinition = { title: 'Ruling issued', description: 'No schema.' };

export async function registerAppendAndReadBack(adminConfig: Configuration, timelineId: string): Promise<string> {
  const register: RegisterEventTypeRequest = { type: 'ruling-issued', eventTypeDefinition: rulingIssued };
  const registered: EventType = await new EventTypesApi(adminConfig).registerEventType(register);
  const latest: number = registered.latestVersion;
  const schemaUri: string = registered.versions[registered.versions.length - 1].schema;

  const ruling: NewEvent = {
    id: '8f9c2d4e-1b7a-4c3e-9d2f-5a6b7c8d9e01',
    type: 'ruling-issued',
    typeVersion: latest, // optional: validate against this version rather than the latest
    occurredAt: new Date('2026-03-03T00:00:00-08:00'),
    occurredAtPrecision: Precision.Day,
    title: "Screening-time claim survives Meridian's motion to dismiss",
    actors: [{ id: 'judge-teodora-vance', name: 'Judge Teodora Vance', role: 'judge' }],
    sources: [{ publisher: 'Kessington County Superior Court docket', reliability: Reliability.Confirmed }],
    data: rulingIssued.examples?.[0],
  };
  const appended: AppendResult = await appendApi.appendEvents({ timelineId, events: [ruling] });
  const read: Event = await queryApi.getEvent({ eventId: appended.events[0].id, waitFor: appended.position });
  // query answers carry the latest version; writtenTypeVersion only when the data was upcast from an older one
  const typeVersion: number | undefined = read.typeVersion;
  const writtenTypeVersion: number | undefined = read.writtenTypeVersion;
  const upcast: boolean = writtenTypeVersion !== undefined && writtenTypeVersion !== typeVersion;
  const holding: unknown = read.data['holding'];
  return `${read.type} v${typeVersion ?? 1} (written v${writtenTypeVersion ?? typeVersion ?? 1}, upcast ${upcast}) ${schemaUri} ${String(holding)}`;
}

// correct, retract, read the history, the context and the change feed, as of a position
export async function corrections(eventId: string, timelineId: string): Promise<string> {
  const correctionsApi = new CorrectionsApi(config);
  const corrected: AppendResult = await correctionsApi.correctEvent({
    eventId,
    correctionRequest: {
      changes: { title: 'Anthropic refuses the terms a day later', occurredAt: '2026-02-27T17:01:00-05:00' },
      reason: 'The refusal came one day later than first reported',
      source: { publisher: 'Reuters', reliability: Reliability.Confirmed },
    },
  });
  const now: Event = await queryApi.getEvent({ eventId, waitFor: corrected.position });
  const revisions: number | undefined = now.revisions;
  const then: Event = await queryApi.getEvent({ eventId, asOf: `${timelineId}:${corrected.version - 1}` });
  const history: EventHistory = await correctionsApi.getEventHistory({ eventId });
  const kinds: string[] = history.entries.map((e) => `${e.revision} ${e.kind} ${e.reason ?? ''}`);
  const around: EventContext = await queryApi.getEventContext({ eventId, before: 2, after: 2, include: 'retracted' });
  const changes: ChangePage = await queryApi.getTimelineChanges({ timelineId, since: `${timelineId}:0` });
  await correctionsApi.retractEvent({ eventId, retractionRequest: { reason: 'It did not happen' } });
  return `${now.corrected} ${revisions} ${then.title} ${kinds.join('; ')} ${around.before.length} ${changes.next}`;
}

export async function facets(timelineId: string): Promise<string> {
  const named: TimelineMetadata = await new TimelinesApi(config).putTimelineMetadata({
    timelineId,
    metadataRequest: { title: 'Anthropic and the Pentagon', tags: ['ai'] },
  });
  const counts: Facets = await queryApi.queryFacets({
    timeline: [timelineId],
    facet: [FacetKind.Type, FacetKind.Reliability],
    reliability: [Reliability.Confirmed],
    interval: 'month',
    tz: 'America/New_York',
    top: 5,
  });
  const types: string[] = (counts.facets.type?.values ?? []).map((v) => `${v.value} ${v.count}`);
  const months: string[] = (counts.histogram?.buckets ?? []).map((b) => `${b.start.toISOString()} ${b.count}`);
  const coarser: number = counts.histogram?.coarser.length ?? 0;
  return `${named.title} ${counts.total} ${types.join(', ')} ${months.join(', ')} ${coarser}`;
}

export const unused = [untitled, weekly, stringly, schemaless];
