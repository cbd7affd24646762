import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { testConfig } from "./testing/fakes.js";

/** Routes that are the document itself, not operations in it. */
const NOT_OPERATIONS = new Set(["GET /openapi.json"]);

describe("/openapi.json", () => {
  const app = createApp(testConfig());

  async function doc() {
    const res = await app.request("/openapi.json");
    expect(res.status).toBe(200);
    return (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  }

  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(await doc());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists exactly the app's routes and methods", async () => {
    const documented = Object.entries((await doc()).paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const served = app.routes
      .filter((r) => r.method !== "ALL" && !NOT_OPERATIONS.has(`${r.method} ${r.path}`))
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served)].sort()).toEqual(documented.sort());
  });

  it("documents the error shape and the bearer scheme", async () => {
    const d = (await doc()) as unknown as {
      components: {
        schemas: Record<string, { required?: string[] }>;
        securitySchemes: Record<string, unknown>;
      };
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>;
    };
    expect(d.components.schemas.Error?.required).toEqual(
      expect.arrayContaining(["code", "message", "field", "requestId"]),
    );
    expect(d.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(d.paths["/v1/setup"]?.post?.security).toEqual([{ bearer: [] }]);
    for (const code of ["400", "413", "429"])
      expect(d.paths["/v1/verify"]?.post?.responses).toHaveProperty(code);
  });
});
