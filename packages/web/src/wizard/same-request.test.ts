/**
 * The same request through the front ends gets the same plan: the API's body (its OpenAPI schema,
 * then its one mapping), the web wizard's answers (setupRequestFromForm) and core's request
 * parsed directly, each prepared against the same tenant. The CLI's flag mapping joins this test
 * when it lands (cli/src/requests). Defaults must agree: an empty request means the same app,
 * secret name and lifetime everywhere.
 */
import { SetupBodySchema, setupRequestFromBody } from "@boxafe-connect/api";
import type { SetupRequest } from "@boxafe-connect/core";
import {
  DEFAULT_APP_NAME,
  DEFAULT_SECRET_DAYS,
  DEFAULT_SECRET_NAME,
  parseRequest,
  prepare,
  setup,
  setupRequestSchema,
  uniqueNameFor,
} from "@boxafe-connect/core";
import { fakeTenant, fakeTime } from "@boxafe-connect/core/testing";
import { describe, expect, it } from "vitest";
import { setupRequestFromForm } from "./setup-request.js";

/** Plans (read-only) against one tenant at one instant, so only the request can differ. */
function planner(graph = fakeTenant()) {
  return async (request: SetupRequest) => {
    const prepared = await prepare({ ...fakeTime(), graph }, request);
    return { displayName: prepared.desired.displayName, actions: prepared.plan.actions };
  };
}
const planOf = planner();

const viaApi = (body: Record<string, unknown>) => setupRequestFromBody(SetupBodySchema.parse(body));

describe("one request, three front ends, one plan", () => {
  it.each([
    [
      "the defaults",
      {},
      { appKey: { uniqueName: uniqueNameFor(DEFAULT_APP_NAME) }, displayName: DEFAULT_APP_NAME },
    ],
    [
      "a named app with a one-year secret",
      { displayName: "Boxafe Backup", secretLifetimeDays: 365 },
      {
        appKey: { uniqueName: uniqueNameFor("Boxafe Backup") },
        displayName: "Boxafe Backup",
        secretDays: 365,
      },
    ],
  ])("%s", async (_, body, form) => {
    const direct = await planOf(parseRequest(setupRequestSchema, body));
    expect(await planOf(viaApi(body))).toEqual(direct);
    expect(await planOf(setupRequestFromForm(form))).toEqual(direct);
  });

  it("an app adopted by its id (the API accepts it in capitals)", async () => {
    const graph = fakeTenant();
    const made = await setup({ ...fakeTime(), graph }, parseRequest(setupRequestSchema, {}));
    const plan = planner(graph);
    const direct = await plan(parseRequest(setupRequestSchema, { appId: made.clientId }));
    expect(await plan(viaApi({ appId: made.clientId.toUpperCase() }))).toEqual(direct);
    expect(await plan(setupRequestFromForm({ appKey: { appId: made.clientId } }))).toEqual(direct);
  });

  it("agrees on the defaults: app name, secret name and lifetime", async () => {
    const fromApi = viaApi({});
    const fromForm = setupRequestFromForm({ appKey: { uniqueName: uniqueNameFor(DEFAULT_APP_NAME) } });
    for (const request of [fromApi, fromForm]) {
      expect(request.secretName).toBe(DEFAULT_SECRET_NAME);
      expect(request.secretLifetimeDays ?? DEFAULT_SECRET_DAYS).toBe(DEFAULT_SECRET_DAYS);
    }
    const { actions, displayName } = await planOf(fromApi);
    expect(displayName).toBe(DEFAULT_APP_NAME);
    const secret = actions.find((a) => a.type === "add-password");
    expect(JSON.stringify(secret)).toContain(DEFAULT_SECRET_NAME);
  });

  it("refuses a bad field by name in each front end, before the tenant is read", () => {
    expect(() => viaApi({ appId: "abc" })).toThrow();
    expect(() => setupRequestFromForm({ appKey: { appId: "abc" } })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "appId" }),
    );
    expect(() => viaApi({ secretLifetimeDays: 100 })).toThrow();
    expect(() => setupRequestFromForm({ appKey: { uniqueName: "x" }, secretDays: 100 })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "secretLifetimeDays" }),
    );
  });
});
