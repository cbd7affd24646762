/**
 * Requests generated from the served /openapi.json, sent to the API on a sandbox tenant over real
 * HTTPS (msal-node, the Graph SDK): bodies and queries made by json-schema-faker from the
 * document's own request schemas, mutated by fast-check into invalid ones. Every answer must be
 * documented for its operation, match the documented schema (ajv, JSON Schema 2020-12), never be
 * a 5xx, and agree with the request schema: a request the document accepts is never refused as
 * invalid_input, and one it rejects always is (the document says exactly what the route takes).
 */
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { generateSync } from "json-schema-faker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeApp } from "./node.js";
import { TEST_API_KEY, TEST_API_KEYS_SETTING } from "./testing/fakes.js";
import { type SandboxSession, startSandboxSession } from "./testing/sandbox-session.js";

type Schema = Record<string, unknown>;
interface Operation {
  readonly parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  readonly requestBody?: { content: { "application/json": { schema: Schema } } };
  readonly responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  readonly security?: unknown[];
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, Schema> };
}

let session: SandboxSession;
let app: ReturnType<typeof createNodeApp>;
let doc: Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });

/** Inlines `#/components/schemas/*` (the document has no cycles). */
function deref(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deref);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Schema;
  const ref = record.$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    const { $ref: _, ...rest } = record;
    return { ...(deref(doc.components.schemas[ref.slice(21)]) as Schema), ...(deref(rest) as Schema) };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, deref(v)]));
}

function fake(schema: Schema, seed: number): unknown {
  return generateSync(schema as never, { seed, optionalsProbability: 0.5 });
}

/** Ways to break a valid body: a field dropped, retyped, given a hostile string, or both alternatives present. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("set" as const),
    pick: fc.nat(),
    value: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constantFrom(" padded ", "a<b", "\u0007bell", "x".repeat(300), "common", "../etc"),
    ),
  }),
  fc.constant({ kind: "both" as const }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(body: unknown, schema: Schema, m: Mutation): unknown {
  const record = typeof body === "object" && body !== null ? { ...(body as Schema) } : {};
  const keys = Object.keys((schema.properties as Schema | undefined) ?? {});
  if (m.kind === "both") {
    return {
      ...record,
      clientSecret: "Any~secret.value_0000000000000000000",
      certificate: { certificatePem: "x", privateKeyPem: "y" },
    };
  }
  const key = keys[m.pick % Math.max(1, keys.length)];
  if (key === undefined) return record;
  if (m.kind === "drop") delete record[key];
  else record[key] = m.value;
  return record;
}

interface Sent {
  readonly res: Response;
  readonly body: unknown;
}

async function expectDocumented(op: Operation, sent: Sent, requestValid: boolean, label: string) {
  const { res } = sent;
  const status = String(res.status);
  const text = await res.text();
  const context = `${label} -> ${status} ${text.slice(0, 300)}`;
  expect(res.status, context).toBeLessThan(500);
  const documented = op.responses[status];
  expect(documented, `undocumented status: ${context}`).toBeDefined();
  const schema = documented?.content?.["application/json"]?.schema;
  if (schema !== undefined) {
    const validate = ajv.compile(deref(schema) as Schema);
    const ok = validate(JSON.parse(text));
    expect(ok, `response does not match its schema: ${context} ${JSON.stringify(validate.errors)}`).toBe(
      true,
    );
  }
  const refusedAsInput = res.status === 400 && text.includes('"invalid_input"');
  expect(refusedAsInput, `request schema says ${requestValid ? "valid" : "invalid"}: ${context}`).toBe(
    !requestValid,
  );
}

beforeAll(async () => {
  session = await startSandboxSession();
  app = createNodeApp({
    settings: {
      SANDBOX_ORIGIN: session.sandbox.url,
      API_KEYS: TEST_API_KEYS_SETTING,
      RATE_LIMIT_CAPACITY: "100000",
      RATE_LIMIT_REFILL_PER_SECOND: "100000",
      TENANT_RATE_LIMIT_CAPACITY: "100000",
      TENANT_RATE_LIMIT_REFILL_PER_SECOND: "100000",
      TENANT_MAX_CONCURRENT_VERIFY: "100",
      VERIFY_DEADLINE_MS: "1000",
      CREDENTIAL_GRACE_MS: "0",
    },
    logger: () => undefined,
  });
  doc = (await (await app.request("/openapi.json")).json()) as Document;
}, 120_000);

afterAll(async () => {
  await session?.stop();
});

/** Runs per operation: setup writes to the tenant, so it gets fewer. */
const RUNS: Record<string, number> = { "/v1/verify": 40, "/v1/plan": 15, "/v1/setup": 6 };

describe("requests generated from /openapi.json against the API on a sandbox tenant", () => {
  it("documents every POST operation's request so that it can be generated", () => {
    for (const path of ["/v1/verify", "/v1/plan", "/v1/setup"]) {
      const schema = deref(doc.paths[path]?.post?.requestBody?.content["application/json"].schema) as Schema;
      // The faker can satisfy every pattern: each seed gives a body the document itself accepts.
      for (let seed = 1; seed <= 20; seed++)
        expect(ajv.validate(schema, fake(schema, seed)), path).toBe(true);
    }
  });

  it.each(Object.keys(RUNS))(
    "POST %s: documented answers, no 5xx, the route accepts what the document does",
    async (path) => {
      const op = doc.paths[path]?.post;
      if (op === undefined) throw new Error(`${path} is not in the document`);
      const schema = deref(op.requestBody?.content["application/json"].schema) as Schema;
      const validate = ajv.compile(schema);
      const seen = new Set<boolean>();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.option(mutation, { freq: 2 }),
          async (seed, m) => {
            const generated = fake(schema, seed);
            const body = m === null ? generated : mutate(generated, schema, m);
            seen.add(validate(body) === true);
            const res = await app.request(path, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                "x-api-key": TEST_API_KEY,
                ...(op.security ? { authorization: `Bearer ${session.adminToken}` } : {}),
              },
              body: JSON.stringify(body),
            });
            await expectDocumented(
              op,
              { res, body },
              validate(body) === true,
              `${path} ${JSON.stringify(body).slice(0, 300)}`,
            );
          },
        ),
        // A fixed seed: the same requests every run (a failure replays), and a run that sends both valid
        // and invalid bodies, which the check below needs (an unseeded run once sent 15 valid ones).
        { numRuns: RUNS[path] ?? 10, seed: 20261201 },
      );
      // Both kinds were sent, so neither direction of the agreement was checked vacuously.
      if ((RUNS[path] ?? 0) >= 15) expect([...seen].sort()).toEqual([false, true]);
    },
  );

  it("GET operations: generated and mutated query strings get documented answers, no 5xx", async () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (op === undefined) continue;
      const params = (op.parameters ?? []).filter((p) => p.in === "query");
      const querySchema: Schema = {
        type: "object",
        properties: Object.fromEntries(params.map((p) => [p.name, deref(p.schema)])),
        required: params.filter((p) => p.required).map((p) => p.name),
      };
      const validate = ajv.compile(querySchema);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.option(mutation, { freq: 2 }),
          async (seed, m) => {
            const generated = fake(querySchema, seed);
            const query = (m === null ? generated : mutate(generated, querySchema, m)) as Schema;
            // A query carries strings: only string values can be sent as they are.
            const strings = Object.fromEntries(
              Object.entries(query).filter(([, v]) => typeof v === "string"),
            ) as Record<string, string>;
            const res = await app.request(`${path}?${new URLSearchParams(strings)}`);
            if (op.responses["200"]?.content?.["text/html"]) {
              expect(res.status).toBe(200);
              return;
            }
            await expectDocumented(
              op,
              { res, body: strings },
              validate(strings) === true,
              `${path}?${new URLSearchParams(strings)}`,
            );
          },
        ),
        { numRuns: params.length > 0 ? 30 : 3 },
      );
    }
  });
});
