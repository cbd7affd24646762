/**
 * A re-run whose read misses the app of an interrupted run (replication lag: the app was created moments
 * ago and this read hit a replica that has not seen it). Graph's PATCH of `tags` replaces the collection,
 * so a run that wrote tags derived from that read would drop the interrupted run's pending mark and its
 * unheld secret would stay for good (the 200 ms soak's orphan, seeds 160 and 190). Deterministic: a fake
 * tenant whose observe read of the app answers 404 once.
 */
import { describe, expect, it } from "vitest";
import { pendingIds } from "../credentials/hand-over-marker.js";
import type { GraphPort } from "../graph/port.js";
import { parseRequest } from "../requests/parse-request.js";
import { setupRequestSchema } from "../requests/setup-request.js";
import { fakeTenant, fakeTime } from "../testing/index.js";
import { handedOver } from "./hand-over.js";
import { prepare } from "./prepare.js";
import { applyPrepared } from "./setup.js";

/** The tenant behind a replica that has not seen the app yet: the next `misses` reads of it 404. */
function laggingReplica(tenant: GraphPort, misses: { count: number }): GraphPort {
  return {
    async batch(requests) {
      const answers = await tenant.batch(requests);
      return answers.map((answer, i) => {
        const request = requests[i];
        const appRead = request?.method === "GET" && request.url.startsWith("/applications(uniqueName=");
        if (!appRead || misses.count <= 0) return answer;
        misses.count--;
        return {
          id: answer.id,
          status: 404,
          headers: {},
          body: { error: { code: "Request_ResourceNotFound", message: "Resource does not exist." } },
        };
      });
    },
  };
}

describe("a re-run whose read misses the interrupted run's app", () => {
  it("keeps that run's pending mark, so its unheld secret is removed at hand-over: one secret, no orphan", async () => {
    const tenant = fakeTenant();
    const time = fakeTime();
    const request = parseRequest(setupRequestSchema, {});
    // Run 1 adds its secret and stops before the hand-over (the secret never reached anyone).
    const first = await applyPrepared(
      { ...time, graph: tenant },
      await prepare({ ...time, graph: tenant }, request),
    );
    const unheld = first.secret?.keyId;
    expect(pendingIds(tenant.apps[0]?.tags).size).toBe(1);

    // Run 2 reads a replica that has not seen the app: it plans a fresh app and a fresh secret.
    const misses = { count: 1 };
    const ports = { ...time, graph: laggingReplica(tenant, misses) };
    const prepared = await prepare(ports, request);
    expect(prepared.observed.application).toBeUndefined();
    const second = await applyPrepared(ports, prepared);
    expect(misses.count).toBe(0);
    // Both marks are on the app until the hand-over: run 1's was never overwritten.
    expect(pendingIds(tenant.apps[0]?.tags).size).toBe(2);
    await handedOver(ports, second.handOver);

    const app = tenant.apps[0];
    expect(tenant.apps).toHaveLength(1);
    expect(app?.passwordCredentials.map((p) => p.keyId)).toEqual([second.secret?.keyId]);
    expect(app?.passwordCredentials.map((p) => p.keyId)).not.toContain(unheld);
    expect(pendingIds(app?.tags).size).toBe(0);
  });

  it("keeps tags of others that the missed read never saw", async () => {
    const tenant = fakeTenant();
    const time = fakeTime();
    const request = parseRequest(setupRequestSchema, {});
    const first = await applyPrepared(
      { ...time, graph: tenant },
      await prepare({ ...time, graph: tenant }, request),
    );
    await handedOver({ ...time, graph: tenant }, first.handOver);
    const app = tenant.apps[0];
    if (app === undefined) throw new Error("no app");
    app.tags = ["HideApp", "contoso:owner"];
    // The missed view plans the app and a secret afresh, on an app that has tags of others.
    const ports = { ...time, graph: laggingReplica(tenant, { count: 1 }) };
    const second = await applyPrepared(ports, await prepare(ports, request));
    await handedOver(ports, second.handOver);
    expect(tenant.apps[0]?.tags).toEqual(["HideApp", "contoso:owner"]);
    // The secret run 1 handed over is held by someone: never removed.
    expect(tenant.apps[0]?.passwordCredentials.map((p) => p.keyId)).toContain(first.secret?.keyId);
  });
});
