/**
 * One request, three front ends, one plan: the CLI's flags (this package's mapping), the API's body
 * (core's apiSetupBodySchema, the shape POST /v1/plan and /v1/setup take) and the web wizard's form
 * (core's setupRequestFromWebForm) become the same SetupRequest, and core plans the same changes.
 */
import { SetupBodySchema } from "@boxafe-connect/api";
import type { SetupRequest } from "@boxafe-connect/core";
import {
  DEFAULT_RENEW_WITHIN_DAYS,
  DEFAULT_SECRET_DAYS,
  DEFAULT_SECRET_NAME,
  prepare,
  setup,
  setupRequestFromApiBody,
  setupRequestFromWebForm,
} from "@boxafe-connect/core";
import { fakeTenant, fakeTime } from "@boxafe-connect/core/testing";
import { describe, expect, it } from "vitest";
import { setupRequestOf } from "./setup-request.js";

const NOW = Date.UTC(2026, 11, 1, 20, 0, 0);

/** A tenant that already holds an app made by setup (to adopt by id), and a planner over it. */
async function tenantWithApp() {
  const graph = fakeTenant();
  const made = await setup({ ...fakeTime(NOW), graph }, setupRequestFromApiBody({ displayName: "Existing" }));
  const planOf = async (request: SetupRequest) => {
    const prepared = await prepare({ ...fakeTime(NOW), graph }, request);
    return { actions: prepared.plan.actions, desired: prepared.desired };
  };
  return { appId: made.clientId, planOf };
}

async function planOf(request: SetupRequest) {
  return (await tenantWithApp()).planOf(request);
}

describe("the same request through the CLI, the API body and the web form", () => {
  it.each([
    {
      name: "defaults",
      flags: {},
      body: {},
      form: { appKey: { uniqueName: "boxafe-connect-qnap-boxafe" } },
    },
    {
      name: "a named app, a year-long secret, no retired APIs",
      flags: { "app-name": "Contoso Backup", "secret-days": "365", "skip-retired": true },
      body: { displayName: "Contoso Backup", secretLifetimeDays: 365, skipRetired: true },
      form: null,
    },
  ])("$name", async ({ flags, body, form }) => {
    const cli = setupRequestOf(flags, NOW);
    const api = setupRequestFromApiBody(body);
    const plans = [await planOf(cli), await planOf(api)];
    if (form) plans.push(await planOf(setupRequestFromWebForm(form)));
    for (const other of plans.slice(1)) expect(other).toEqual(plans[0]);
    // The web form carries no profile flags; with them the API and CLI still agree (checked above).
    expect(plans[0]?.actions.length).toBeGreaterThan(0);
  });

  it("an adopted app by id", async () => {
    const { appId, planOf: plan } = await tenantWithApp();
    const plans = [
      await plan(
        setupRequestOf({ "app-id": appId.toUpperCase(), "secret-days": "90", "remove-extra": true }, NOW),
      ),
      await plan(setupRequestFromApiBody({ appId, secretLifetimeDays: 90, removeExtra: true })),
    ];
    expect(plans[1]).toEqual(plans[0]);
    // The web form adopts without the remove-extra switch: the same as the CLI without it.
    expect(await plan(setupRequestFromWebForm({ appKey: { appId }, secretDays: 90 }))).toEqual(
      await plan(setupRequestOf({ "app-id": appId, "secret-days": "90" }, NOW)),
    );
    // The adopted app keeps its own name in all of them.
    expect(plans[0]?.desired.displayName).toBe("Existing");
  });

  it("takes the API body through the route's own published schema first (POST /v1/plan)", async () => {
    const { appId, planOf: plan } = await tenantWithApp();
    for (const body of [
      {},
      { appId: appId.toUpperCase(), secretLifetimeDays: 90 },
      { displayName: "Contoso Backup" },
    ]) {
      const viaRoute = setupRequestFromApiBody(SetupBodySchema.parse(body));
      expect(await plan(viaRoute)).toEqual(await plan(setupRequestFromApiBody(body)));
    }
    expect(() => SetupBodySchema.parse({ displayName: " padded " })).toThrow();
  });

  it("uses the one set of defaults everywhere", async () => {
    const { desired, actions } = await planOf(setupRequestOf({}, NOW));
    expect(desired.displayName).toBe("QNAP Boxafe");
    expect(desired.secret).toEqual({
      displayName: expect.stringContaining(DEFAULT_SECRET_NAME),
      lifetimeDays: DEFAULT_SECRET_DAYS,
      renewWithinDays: DEFAULT_RENEW_WITHIN_DAYS,
    });
    const add = actions.find((a) => a.type === "add-password");
    expect(add && "endDateTime" in add ? add.endDateTime : "").toBe(
      new Date(NOW + DEFAULT_SECRET_DAYS * 86_400_000).toISOString(),
    );
  });

  it("names the field at fault, as the front end calls it", () => {
    expect(() => setupRequestOf({ "secret-days": "100" }, NOW)).toThrow(
      expect.objectContaining({ field: "secretLifetimeDays", message: expect.stringContaining("100 days") }),
    );
    expect(() => setupRequestFromApiBody({ secretLifetimeDays: 100 })).toThrow(
      expect.objectContaining({ field: "secretLifetimeDays" }),
    );
    expect(() => setupRequestFromApiBody({ profile: "custom" })).toThrow(
      expect.objectContaining({ field: "profile" }),
    );
  });
});
