// Offline validators behind .ci/validate-deploy. Every line it prints starts with PASS, FAIL,
// SKIP or NOTE; it exits 1 when anything FAILed. Run from a directory holding the node_modules
// that .ci/deploy-tools/package-lock.json pins (the script copies this file there).
//
//   node validate.mjs k8s --crds DIR [--skip-kinds K1,K2] RENDERED.yaml...
//       every object of every file: built-in kinds against the Kubernetes OpenAPI schema
//       (kubernetes-models: types, required fields, enums, formats) plus a strict unknown-field
//       check (field names of @kubernetes/client-node's generated models, same OpenAPI source);
//       custom resources against the openAPIV3Schema of their CRD found in DIR, made strict;
//       a kind with no schema fails unless listed in --skip-kinds.
//   node validate.mjs k8s-policy OVERLAY_NAME RENDERED.yaml   project rules on a rendered overlay
//   node validate.mjs dockerfile REPO_ROOT                    docker/Dockerfile.jvm rules
//   node validate.mjs compose REPO_ROOT                       docker/compose.yaml rules
//   node validate.mjs rules RENDERED.yaml OUT.yaml            PrometheusRule groups -> a rule file for promtool
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

let failed = 0;
const pass = (msg) => console.log(`PASS: ${msg}`);
const fail = (msg) => {
  failed++;
  console.log(`FAIL: ${msg}`);
};
const note = (msg) => console.log(`NOTE: ${msg}`);
const check = (ok, msg, why = "") => (ok ? pass(msg) : fail(why ? `${msg}: ${why}` : msg));
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function readYamlDocs(file) {
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"));
  const out = [];
  for (const d of docs) {
    if (d.errors.length) throw new Error(`${file}: YAML error: ${d.errors[0].message}`);
    const v = d.toJS();
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes schemas
// ---------------------------------------------------------------------------------------------
const clientModels = await import("@kubernetes/client-node/dist/gen/models/all.js");

function splitApiVersion(apiVersion) {
  const i = apiVersion.indexOf("/");
  return i < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

// Unknown fields: walk the object along the generated model's attribute map (kubectl's
// --validate=strict and kubeconform -strict reject such fields; the API server drops them).
function unknownFields(value, type, ptr, errs) {
  if (value === null || value === undefined) return;
  let m;
  if ((m = /^Array<(.+)>$/.exec(type))) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, m[1], `${ptr}/${i}`, errs));
    return;
  }
  if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    if (isObj(value)) for (const [k, v] of Object.entries(value)) unknownFields(v, m[1], `${ptr}/${k}`, errs);
    return;
  }
  const model = clientModels[type];
  if (!model || typeof model.getAttributeTypeMap !== "function" || !isObj(value)) return; // leaf or type error
  const attrs = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [k, v] of Object.entries(value)) {
    if (!attrs.has(k)) errs.push(`${ptr}/${k}: unknown field (${type} has no such property)`);
    else unknownFields(v, attrs.get(k), `${ptr}/${k}`, errs);
  }
}

// client-node model class of a built-in kind: apps/v1 Deployment -> V1Deployment
const modelName = ({ version }, kind) => `V${version.slice(1)}${kind}`;

// Prometheus Operator kinds come from @kubernetes-models/prometheus-operator (generated from its CRDs);
// its validators are not strict about unknown fields, so PrometheusRule gets strictRuleFields below.
async function builtinValidator(group, version, kind) {
  const pkg = group === "monitoring.coreos.com" ? "@kubernetes-models/prometheus-operator" : "kubernetes-models";
  const spec = `${pkg}/${group ? `${group}/` : ""}${version}/${kind}`;
  try {
    const mod = await import(spec);
    return mod[kind];
  } catch {
    return null;
  }
}

// the fields Prometheus itself accepts in a rule file (prometheus/model/rulefmt), checked strictly
const RULE_GROUP_FIELDS = ["name", "interval", "limit", "query_offset", "labels", "partial_response_strategy", "rules"];
const RULE_FIELDS = ["alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations"];
function strictRuleFields(obj, errs) {
  const specKeys = Object.keys(obj.spec || {});
  for (const k of specKeys) if (k !== "groups") errs.push(`/spec/${k}: unknown field`);
  (obj.spec?.groups || []).forEach((g, i) => {
    for (const k of Object.keys(g)) if (!RULE_GROUP_FIELDS.includes(k)) errs.push(`/spec/groups/${i}/${k}: unknown field`);
    (g.rules || []).forEach((r, j) => {
      for (const k of Object.keys(r)) if (!RULE_FIELDS.includes(k)) errs.push(`/spec/groups/${i}/rules/${j}/${k}: unknown field`);
      if (!!r.alert === !!r.record) errs.push(`/spec/groups/${i}/rules/${j}: exactly one of alert and record`);
    });
  });
}

// openAPIV3Schema (structural, as in a CRD) -> strict JSON Schema for Ajv
function crdToJsonSchema(s) {
  if (Array.isArray(s)) return s.map(crdToJsonSchema);
  if (!isObj(s)) return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith("x-kubernetes-") || k === "description" || k === "nullable" || k === "example") continue;
    out[k] = ["properties", "patternProperties", "definitions"].includes(k)
      ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, crdToJsonSchema(pv)]))
      : crdToJsonSchema(v);
  }
  if (s["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (s.nullable && typeof out.type === "string") out.type = [out.type, "null"];
  if (out.properties && out.additionalProperties === undefined && !s["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

async function loadCrdSchemas(dir) {
  const { default: Ajv } = await import("ajv");
  const ajv = new Ajv({ allErrors: true, strict: false });
  const map = new Map();
  if (!dir || !fs.existsSync(dir)) return map;
  for (const f of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const crd of readYamlDocs(path.join(dir, f))) {
      if (crd.kind !== "CustomResourceDefinition") continue;
      for (const v of crd.spec.versions || []) {
        const schema = v.schema?.openAPIV3Schema;
        if (!schema) continue;
        const json = crdToJsonSchema(schema);
        // metadata is checked against ObjectMeta separately
        if (json.properties?.metadata) json.properties.metadata = { type: "object" };
        map.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, {
          validate: ajv.compile(json),
          source: f,
          deprecated: v.deprecated ? v.deprecationWarning || "deprecated" : null,
        });
      }
    }
  }
  return map;
}

async function cmdK8s(args) {
  let crdDir = null;
  let skipKinds = new Set();
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--crds") crdDir = args[++i];
    else if (args[i] === "--skip-kinds") skipKinds = new Set(args[++i].split(",").filter(Boolean));
    else files.push(args[i]);
  }
  const crds = await loadCrdSchemas(crdDir);
  const skipped = new Set();
  const deprecations = new Set();
  for (const file of files) {
    const label = path.basename(file);
    let docs;
    try {
      docs = readYamlDocs(file);
    } catch (e) {
      fail(`${label}: ${e.message}`);
      continue;
    }
    if (docs.length === 0) fail(`${label}: no objects`);
    for (const obj of docs) {
      const id = `${label}: ${obj?.kind ?? "?"}/${obj?.metadata?.name ?? "?"}`;
      if (!isObj(obj) || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
        fail(`${id}: not a Kubernetes object (apiVersion and kind are required)`);
        continue;
      }
      if (!isObj(obj.metadata) || typeof obj.metadata.name !== "string") {
        fail(`${id}: metadata.name is required`);
        continue;
      }
      const gv = splitApiVersion(obj.apiVersion);
      const errs = [];
      const crd = crds.get(`${gv.group}/${gv.version}/${obj.kind}`);
      const Builtin = crd ? null : await builtinValidator(gv.group, gv.version, obj.kind);
      if (crd) {
        if (!crd.validate(obj)) {
          for (const e of crd.validate.errors) {
            const extra = e.keyword === "additionalProperties" ? ` '${e.params.additionalProperty}'` : "";
            errs.push(`${e.instancePath || "/"} ${e.message}${extra}`);
          }
        }
        unknownFields(obj.metadata, "V1ObjectMeta", "/metadata", errs);
        if (crd.deprecated) deprecations.add(`${obj.apiVersion} ${obj.kind}: ${crd.deprecated}`);
      } else if (Builtin) {
        try {
          new Builtin(obj).validate();
        } catch (e) {
          errs.push(...String(e.message).split(/, (?=data)/).map((s) => s.replace(/^data/, "")));
        }
        unknownFields(obj, modelName(gv, obj.kind), "", errs);
        if (obj.kind === "PrometheusRule") strictRuleFields(obj, errs);
      } else if (skipKinds.has(obj.kind)) {
        skipped.add(`${obj.apiVersion} ${obj.kind}`);
        console.log(`SKIP: ${id}: no schema for ${obj.apiVersion} ${obj.kind} (listed in --skip-kinds)`);
        continue;
      } else {
        fail(`${id}: no schema for ${obj.apiVersion} ${obj.kind} (neither built in nor a known CRD)`);
        continue;
      }
      if (errs.length) fail(`${id} (${obj.apiVersion}) is invalid:\n      ${errs.join("\n      ")}`);
      else pass(`${id} (${obj.apiVersion}) valid against ${crd ? `CRD schema ${crd.source}` : "the Kubernetes OpenAPI schema, strict"}`);
    }
  }
  for (const d of deprecations) note(d);
  if (skipped.size) note(`kinds skipped without a schema: ${[...skipped].join(", ")}`);
}

// ---------------------------------------------------------------------------------------------
// Project rules on a rendered overlay
// ---------------------------------------------------------------------------------------------
function dockerfileUid(repo) {
  const text = fs.readFileSync(path.join(repo, "docker/Dockerfile.jvm"), "utf8");
  const users = [...text.matchAll(/^\s*USER\s+(\S+)/gim)].map((m) => m[1]);
  return users.length ? users[users.length - 1] : null;
}

function matches(selector, labels) {
  return Object.entries(selector || {}).every(([k, v]) => labels?.[k] === v);
}

function cmdK8sPolicy([overlay, file, repo]) {
  const objs = readYamlDocs(file);
  const p = `${overlay}:`;
  const byKind = (k) => objs.filter((o) => o.kind === k);
  check(byKind("Secret").length === 0, `${p} no Secret is rendered (credentials are referenced, never committed)`);
  const deps = byKind("Deployment");
  check(deps.length === 1, `${p} exactly one Deployment`);
  const dep = deps[0];
  if (!dep) return;
  const pod = dep.spec.template.spec;
  const podLabels = dep.spec.template.metadata.labels;
  const c = pod.containers.find((x) => x.name === "annals");
  check(!!c, `${p} Deployment has a container "annals"`);
  if (!c) return;
  const img = c.image;
  const tag = /^(.*?)(?::([^:/@]+))?(@sha256:[a-f0-9]{64})?$/.exec(img);
  check(!!(tag[2] || tag[3]) && tag[2] !== "latest", `${p} image ${img} is pinned (a tag other than latest, or a digest)`);
  const uid = dockerfileUid(repo);
  const sc = { ...(pod.securityContext || {}), ...(c.securityContext || {}) };
  check(String(sc.runAsUser) === uid, `${p} runAsUser ${sc.runAsUser} equals the Dockerfile USER ${uid}`);
  check(sc.runAsNonRoot === true, `${p} runAsNonRoot`);
  check(c.securityContext?.readOnlyRootFilesystem === true, `${p} readOnlyRootFilesystem`);
  check(c.securityContext?.allowPrivilegeEscalation === false, `${p} allowPrivilegeEscalation false`);
  check((c.securityContext?.capabilities?.drop || []).includes("ALL"), `${p} capabilities drop ALL`);
  check(pod.securityContext?.seccompProfile?.type === "RuntimeDefault", `${p} seccompProfile RuntimeDefault`);
  const tmp = (c.volumeMounts || []).find((m) => m.mountPath === "/tmp");
  const tmpVol = tmp && (pod.volumes || []).find((v) => v.name === tmp.name);
  check(!!tmpVol?.emptyDir, `${p} /tmp is a writable emptyDir (root filesystem is read-only)`);
  check(c.readinessProbe?.httpGet?.path === "/q/health/ready", `${p} readinessProbe on /q/health/ready`);
  check(c.livenessProbe?.httpGet?.path === "/q/health/live", `${p} livenessProbe on /q/health/live`);
  check(!!c.startupProbe?.httpGet, `${p} startupProbe present`);
  check(!!c.resources?.requests?.cpu && !!c.resources?.limits?.memory, `${p} resource requests and limits set`);
  const port = (c.ports || []).find((x) => x.name === "http");
  check(port?.containerPort === 8080, `${p} container port http = 8080`);
  // health and metrics live on the management interface of the packaged app, never on the API port
  const management = (c.ports || []).find((x) => x.name === "management");
  check(management?.containerPort === 9000, `${p} container port management = 9000`);
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    check(c[probe]?.httpGet?.port === "management", `${p} ${probe} asks the management port`);
  }
  check(dep.spec.template.metadata?.annotations?.["prometheus.io/port"] === "9000", `${p} Prometheus scrapes the management port`);
  // the packaged app refuses to start without a token verification key and a cursor secret
  const env = Object.fromEntries((c.env || []).map((e) => [e.name, e]));
  const keyPath = env.MP_JWT_VERIFY_PUBLICKEY_LOCATION?.value;
  const keyMount = keyPath && (c.volumeMounts || []).find((m) => keyPath.startsWith(m.mountPath + "/"));
  check(!!keyMount && (pod.volumes || []).some((v) => v.name === keyMount.name && (v.configMap || v.secret)),
    `${p} MP_JWT_VERIFY_PUBLICKEY_LOCATION points into a mounted ConfigMap or Secret`);
  check(!!env.ANNALS_QUERY_CURSOR_SECRET?.valueFrom?.secretKeyRef, `${p} ANNALS_QUERY_CURSOR_SECRET comes from a Secret`);

  // configuration wiring
  const cmNames = new Set(byKind("ConfigMap").map((o) => o.metadata.name));
  const refs = (c.envFrom || []).filter((e) => e.configMapRef).map((e) => e.configMapRef.name);
  check(refs.length > 0 && refs.every((r) => cmNames.has(r)), `${p} envFrom ConfigMap(s) ${refs.join(",")} are rendered`);
  const cm = byKind("ConfigMap").find((o) => refs.includes(o.metadata.name));
  for (const key of ["KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL", "ANNALS_TOPIC_NAME"]) {
    check(!!cm?.data?.[key], `${p} ConfigMap sets ${key}`);
  }
  check(cm?.data?.ANNALS_TOPIC_CREATE === "false", `${p} ANNALS_TOPIC_CREATE=false (topics are KafkaTopic resources)`);
  const secretEnv = Object.fromEntries((c.env || []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => [e.name, e.valueFrom.secretKeyRef]));
  check(
    secretEnv.QUARKUS_DATASOURCE_USERNAME?.name === "annals-db" && secretEnv.QUARKUS_DATASOURCE_USERNAME?.key === "username" &&
      secretEnv.QUARKUS_DATASOURCE_PASSWORD?.name === "annals-db" && secretEnv.QUARKUS_DATASOURCE_PASSWORD?.key === "password",
    `${p} DB credentials come from Secret annals-db (username/password)`,
  );

  // selectors and references line up
  check(matches(dep.spec.selector.matchLabels, podLabels), `${p} Deployment selector matches its pod labels`);
  for (const svc of byKind("Service")) {
    check(matches(svc.spec.selector, podLabels), `${p} Service ${svc.metadata.name} selects the pods`);
    check(svc.spec.ports.some((x) => x.name === "http" && x.port === 8080), `${p} Service ${svc.metadata.name} exposes http 8080`);
    check(!svc.spec.ports.some((x) => x.port === 9000 || x.targetPort === "management"), `${p} Service ${svc.metadata.name} keeps the management port private`);
  }
  for (const pdb of byKind("PodDisruptionBudget")) check(matches(pdb.spec.selector.matchLabels, podLabels), `${p} PDB selects the pods`);
  for (const np of byKind("NetworkPolicy")) check(matches(np.spec.podSelector.matchLabels, podLabels), `${p} NetworkPolicy selects the pods`);
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    check(hpa.spec.scaleTargetRef.kind === "Deployment" && hpa.spec.scaleTargetRef.name === dep.metadata.name, `${p} HPA targets the Deployment`);
    check(hpa.spec.minReplicas <= hpa.spec.maxReplicas, `${p} HPA minReplicas <= maxReplicas`);
  }
  // PostgreSQL connections: every pod may open its write pool, its read pool and the relay's session; at the
  // HPA's maximum plus a rolling update's surge they must fit max_connections minus the superuser reserve (3)
  const budget = Number(dep.metadata.annotations?.["annals.dev/postgres-max-connections"]);
  check(budget > 0, `${p} Deployment annotation annals.dev/postgres-max-connections states the database's max_connections`);
  const writePool = Number(cm?.data?.QUARKUS_DATASOURCE_JDBC_MAX_SIZE);
  const readPool = Number(cm?.data?.QUARKUS_DATASOURCE_READ_JDBC_MAX_SIZE);
  check(writePool > 0 && readPool > 0, `${p} ConfigMap sets QUARKUS_DATASOURCE_JDBC_MAX_SIZE and QUARKUS_DATASOURCE_READ_JDBC_MAX_SIZE`);
  const maxPods = Math.max(dep.spec.replicas ?? 1, ...byKind("HorizontalPodAutoscaler").map((h) => h.spec.maxReplicas)) +
    Number(dep.spec.strategy?.rollingUpdate?.maxSurge ?? 1);
  const needed = maxPods * (writePool + readPool + 1);
  check(needed <= budget - 3, `${p} ${maxPods} pods x (${writePool} write + ${readPool} read + 1 relay) = ${needed} connections <= ${budget} - 3 reserved`);
  const rules = byKind("PrometheusRule");
  const alerts = rules.flatMap((r) => r.spec.groups.flatMap((g) => g.rules.map((x) => x.alert)));
  for (const a of ["AnnalsKafkaUnreachable", "AnnalsNoRelayLeader", "AnnalsRelayStalled", "AnnalsOutboxBacklogHigh", "AnnalsProjectionLagHigh"]) {
    check(alerts.includes(a), `${p} PrometheusRule has alert ${a}`);
  }
  const topics = byKind("KafkaTopic");
  const names = topics.map((t) => t.spec?.topicName || t.metadata.name);
  check(names.includes(cm?.data?.ANNALS_TOPIC_NAME) && names.includes(`${cm?.data?.ANNALS_TOPIC_NAME}.dlq`), `${p} KafkaTopics for ${cm?.data?.ANNALS_TOPIC_NAME} and its .dlq`);
  for (const t of topics) {
    check(t.metadata.labels?.["strimzi.io/cluster"] === "annals-kafka", `${p} KafkaTopic ${t.metadata.name} labelled strimzi.io/cluster=annals-kafka`);
    const isr = Number(t.spec?.config?.["min.insync.replicas"] ?? 1);
    check(isr <= t.spec.replicas, `${p} KafkaTopic ${t.metadata.name} min.insync.replicas (${isr}) <= replicas (${t.spec.replicas})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dockerfile rules (dockerfile-ast parses; dockerfile-utils/dockerfilelint lint separately)
// ---------------------------------------------------------------------------------------------
async function cmdDockerfile([repo]) {
  const { DockerfileParser } = await import("dockerfile-ast");
  const file = path.join(repo, "docker/Dockerfile.jvm");
  const df = DockerfileParser.parse(fs.readFileSync(file, "utf8"));
  const froms = df.getFROMs();
  const stages = new Set();
  for (const f of froms) {
    const image = f.getImageName();
    const ref = `${image}${f.getImageTag() ? `:${f.getImageTag()}` : ""}${f.getImageDigest() ? `@${f.getImageDigest()}` : ""}`;
    if (stages.has(image)) pass(`FROM ${ref} refers to an earlier stage`);
    else check((!!f.getImageTag() && f.getImageTag() !== "latest") || !!f.getImageDigest(), `FROM ${ref} is pinned (exact tag, not latest)`);
    if (f.getBuildStage()) stages.add(f.getBuildStage());
  }
  check(froms.length >= 2, `multi-stage build (${froms.length} stages)`);
  const instrs = df.getInstructions();
  const lastFrom = froms[froms.length - 1];
  const finalStage = instrs.filter((i) => i.getRange().start.line > lastFrom.getRange().start.line);
  const buildStage = instrs.filter((i) => i.getRange().start.line < lastFrom.getRange().start.line);
  const kw = (i) => i.getKeyword().toUpperCase();
  const args = (i) => i.getArguments().map((a) => a.getValue());

  const buildCopies = buildStage.filter((i) => kw(i) === "COPY").flatMap((i) => args(i).slice(0, -1));
  for (const need of ["mvnw", "pom.xml", ".mvn/", "src/", "openapi/"]) {
    check(buildCopies.includes(need), `build stage copies ${need}`);
  }
  const runs = buildStage.filter((i) => kw(i) === "RUN").map((i) => i.getTextContent()).join("\n");
  check(/go-offline/.test(runs), "build stage has a dependency go-offline layer");
  check(/\.\/mvnw\b[^\n]*\bpackage\b[^\n]*-DskipTests/.test(runs), "build stage runs ./mvnw package -DskipTests");

  const users = finalStage.filter((i) => kw(i) === "USER").map((i) => args(i)[0]);
  const user = users[users.length - 1];
  check(!!user && /^[0-9]+(:[0-9]+)?$/.test(user) && !/^0(:|$)/.test(user), `final stage runs as a numeric non-root USER (${user})`);
  const copies = finalStage.filter((i) => kw(i) === "COPY");
  check(copies.length > 0 && copies.every((i) => /--from=/.test(i.getTextContent()) && args(i).slice(0, -1).every((s) => s.startsWith("/build/target/quarkus-app/"))), "final stage copies only target/quarkus-app from the build stage");
  for (const part of ["lib/", "quarkus-run.jar", "app/", "quarkus/"]) {
    check(copies.some((i) => args(i).some((s) => s === `/build/target/quarkus-app/${part}`)), `final stage copies quarkus-app/${part}`);
  }
  check(finalStage.some((i) => kw(i) === "EXPOSE" && args(i).includes("8080")), "EXPOSE 8080");
  const hc = finalStage.filter((i) => kw(i) === "HEALTHCHECK");
  check(hc.length === 1 && /\/q\/health\/ready/.test(hc[0].getTextContent()) && !/\bNONE\b/i.test(args(hc[0])[0] || ""), "HEALTHCHECK on /q/health/ready");
  const ep = finalStage.filter((i) => kw(i) === "ENTRYPOINT").pop();
  const epText = ep ? ep.getTextContent() : "";
  check(!!ep && /^\s*ENTRYPOINT\s*\[/.test(epText), "ENTRYPOINT in exec (JSON) form");
  for (const flag of ["-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "$JAVA_OPTS", "-jar /deployments/quarkus-run.jar", "exec java"]) {
    check(epText.includes(flag), `ENTRYPOINT has ${flag}`);
  }
  // .dockerignore of the repo root (the build context)
  const ignoreFile = path.join(repo, ".dockerignore");
  const ignore = fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, "utf8").split("\n").map((s) => s.trim()) : [];
  for (const want of ["target/", "node_modules/", ".git/"]) {
    check(ignore.some((l) => l.replace(/^\*\*\//, "") === want), `.dockerignore excludes ${want}`);
  }
  for (const keep of ["mvnw", "pom.xml", ".mvn/", "src/", "openapi/"]) {
    check(!ignore.some((l) => l.replace(/\/$/, "") === keep.replace(/\/$/, "")), `.dockerignore keeps ${keep} in the context`);
  }
}

// ---------------------------------------------------------------------------------------------
// docker/compose.yaml rules (syntax and schema are docker-compose's job; these are the project's)
// ---------------------------------------------------------------------------------------------
function cmdCompose([repo]) {
  const dir = path.join(repo, "docker");
  const [doc] = readYamlDocs(path.join(dir, "compose.yaml"));
  const s = doc.services || {};
  for (const name of ["kafka", "kafka-init", "postgres", "annals", "seed"]) check(!!s[name], `service ${name} defined`);
  for (const [name, svc] of Object.entries(s)) {
    if (svc.image) {
      const m = /^(.*?)(?::([^:/@]+))?(@sha256:[a-f0-9]{64})?$/.exec(svc.image);
      const pinned = (!!m[2] && m[2] !== "latest") || !!m[3];
      check(pinned, `service ${name}: image ${svc.image} pinned`);
    }
  }
  const env = (svc) => svc?.environment || {};
  check(s.kafka?.image === "apache/kafka:4.1.2" && s["kafka-init"]?.image === s.kafka?.image, "kafka and kafka-init use apache/kafka:4.1.2");
  check(String(env(s.kafka).KAFKA_AUTO_CREATE_TOPICS_ENABLE) === "false", "kafka: auto topic creation disabled");
  check(/broker/.test(env(s.kafka).KAFKA_PROCESS_ROLES) && /controller/.test(env(s.kafka).KAFKA_PROCESS_ROLES), "kafka: KRaft broker+controller");
  const initCmd = [].concat(s["kafka-init"]?.command || []).join(" ");
  for (const t of ["annals.events ", "annals.events.dlq "]) check(initCmd.includes(`--topic ${t}`), `kafka-init creates ${t.trim()}`);
  check((initCmd.match(/--if-not-exists/g) || []).length >= 2, "kafka-init is idempotent (--if-not-exists)");
  check(/retention\.ms=-1/.test(initCmd), "kafka-init: annals.events keeps everything (retention.ms=-1)");
  const a = s.annals || {};
  check(a.build?.context === ".." && a.build?.dockerfile === "docker/Dockerfile.jvm", "annals built from docker/Dockerfile.jvm with the repo root as context");
  check(fs.existsSync(path.join(dir, a.build?.context || "", a.build?.dockerfile || "")), "annals build dockerfile exists");
  check(String(env(a).ANNALS_TOPIC_CREATE) === "false", "annals: ANNALS_TOPIC_CREATE=false");
  check(env(a).KAFKA_BOOTSTRAP_SERVERS === "kafka:9092", "annals: KAFKA_BOOTSTRAP_SERVERS=kafka:9092");
  check(env(a).QUARKUS_DATASOURCE_JDBC_URL === "jdbc:postgresql://postgres:5432/annals", "annals: JDBC URL points at the postgres service");
  const dep = a.depends_on || {};
  check(dep.postgres?.condition === "service_healthy" && dep.kafka?.condition === "service_healthy", "annals waits for healthy postgres and kafka");
  check(dep["kafka-init"]?.condition === "service_completed_successfully", "annals waits for kafka-init to complete");
  for (const name of ["kafka", "postgres", "annals"]) check(!!s[name]?.healthcheck?.test, `${name} has a healthcheck`);
  const seed = s.seed || {};
  check((seed.profiles || []).includes("seed"), "seed is behind the seed profile");
  const mount = (seed.volumes || []).find((v) => String(v).includes(":/seed"));
  const src = mount && path.join(dir, String(mount).split(":")[0]);
  check(!!src && fs.existsSync(path.join(src, "anthropic-dod-standoff.json")), "seed mounts a directory that holds anthropic-dod-standoff.json");
  const seedCmd = [].concat(seed.command || []).join(" ");
  check(seedCmd.includes("http://annals:8080/v1/timelines/anthropic-dod-standoff/events") && seedCmd.includes("Content-Type: application/json"), "seed POSTs JSON to the append endpoint");
  check(seedCmd.includes("Authorization: Bearer "), "seed sends a bearer token");
  check(env(a).MP_JWT_VERIFY_PUBLICKEY_LOCATION === "/etc/annals/jwt/public.pem" &&
    (a.volumes || []).map(String).some((v) => v.endsWith(":/etc/annals/jwt/public.pem:ro")),
    "annals verifies tokens with a public key mounted read-only");
  check(/^\$\{ANNALS_QUERY_CURSOR_SECRET:\?/.test(String(env(a).ANNALS_QUERY_CURSOR_SECRET)), "annals: the cursor secret is required, no default");
  check(String(a.healthcheck?.test || "").includes("9000/q/health/ready"), "annals: health check on the management port");
  const vols = Object.keys(doc.volumes || {});
  for (const [name, target] of [["kafka", "/var/lib/kafka/data"], ["postgres", "/var/lib/postgresql/data"]]) {
    const v = (s[name]?.volumes || []).map(String).find((x) => x.endsWith(`:${target}`));
    check(!!v && vols.includes(v.split(":")[0]), `${name} keeps its data in a named volume`);
  }
}

// ---------------------------------------------------------------------------------------------
// The rule groups of every PrometheusRule in a rendered file, as a Prometheus rule file for promtool
async function cmdRules([file, out]) {
  const { stringify } = await import("yaml");
  const groups = readYamlDocs(file).filter((o) => o?.kind === "PrometheusRule").flatMap((o) => o.spec?.groups || []);
  check(groups.length > 0, `${path.basename(file)}: PrometheusRule groups found (${groups.length})`);
  fs.writeFileSync(out, stringify({ groups }));
  pass(`rule groups written to ${out} for promtool`);
}

// ---------------------------------------------------------------------------------------------
const [cmd, ...rest] = process.argv.slice(2);
const commands = { k8s: cmdK8s, "k8s-policy": cmdK8sPolicy, dockerfile: cmdDockerfile, compose: cmdCompose, rules: cmdRules };
if (!commands[cmd]) {
  console.error(`usage: node validate.mjs ${Object.keys(commands).join("|")} ...`);
  process.exit(2);
}
try {
  await commands[cmd](rest);
} catch (e) {
  fail(`${cmd}: ${e.stack || e}`);
}
process.exit(failed ? 1 : 0);
