import { describe, expect, it } from "vitest";
import { fakeTime, graphError, scriptedGraph } from "../testing/index.js";
import { type RunRequest, runRequests } from "./batch-runner.js";
import { countingGraphPort } from "./counting-port.js";

const get = (id: string, url = `/things/${id}`): RunRequest => ({ id, method: "GET", url });

describe("runRequests", () => {
  it("chunks 45 requests into 3 parallel batches of at most 20 (one round trip)", async () => {
    const time = fakeTime();
    const scripted = scriptedGraph(() => ({ status: 200, body: {} }));
    const graph = countingGraphPort(scripted);
    const requests = Array.from({ length: 45 }, (_, i) => get(String(i)));
    const results = await runRequests({ ...time, graph }, requests);
    expect(results.size).toBe(45);
    expect(scripted.batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(graph.stats()).toMatchObject({ requests: 3, roundTrips: 1, subRequests: 45 });
  });

  it("retries only the throttled sub-request, honouring Retry-After inside the batch", async () => {
    const time = fakeTime();
    const graph = scriptedGraph((r, call) =>
      r.url === "/things/b" && call === 1
        ? { status: 429, headers: { "Retry-After": "3" } }
        : { status: 200 },
    );
    const results = await runRequests({ ...time, graph }, [get("a"), get("b")]);
    expect(graph.batches.map((b) => b.map((r) => r.id))).toEqual([["a", "b"], ["b"]]);
    expect(time.sleeps).toEqual([3000]);
    expect(results.get("b")?.kind).toBe("ok");
  });

  it("retries replication lag with growing, capped backoff", async () => {
    const time = fakeTime();
    const graph = scriptedGraph((_r, call) =>
      call <= 6
        ? graphError(
            400,
            "Request_BadRequest",
            "The appId 'x' of the service principal does not reference a valid application object.",
            ["NoBackingApplicationObject"],
          )
        : { status: 201, body: { id: "sp" } },
    );
    await runRequests({ ...time, graph, retry: { baseMs: 500, capMs: 4000 } }, [
      { id: "1", method: "POST", url: "/sp", body: {} },
    ]);
    expect(time.sleeps).toHaveLength(6);
    time.sleeps.forEach((ms, n) => {
      const ceiling = Math.min(4000, 500 * 2 ** n);
      expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
      expect(ms).toBeLessThanOrEqual(ceiling);
    });
  });

  it.each([
    [
      "404 on a just-created object",
      graphError(
        404,
        "Request_ResourceNotFound",
        "Resource 'x' does not exist or one of its queried reference-property objects are not present.",
      ),
    ],
    [
      "400 Not a valid reference update.",
      graphError(400, "Request_BadRequest", "Not a valid reference update."),
    ],
    [
      "403 backing application",
      graphError(
        403,
        "Authorization_RequestDenied",
        "When using this permission, the backing application of the service principal being created must in the local tenant",
      ),
    ],
    ["503", { status: 503 }],
    ["504", { status: 504 }],
  ])("retries %s", async (_name, first) => {
    const time = fakeTime();
    const graph = scriptedGraph((_r, call) => (call === 1 ? first : { status: 204 }));
    const results = await runRequests({ ...time, graph }, [
      { id: "1", method: "PATCH", url: "/x", body: {}, lagOn404: true },
    ]);
    expect(results.get("1")?.kind).toBe("ok");
    expect(graph.batches).toHaveLength(2);
  });

  it("does not retry a 404 on a read that may find nothing", async () => {
    const time = fakeTime();
    const graph = scriptedGraph(() =>
      graphError(404, "Request_ResourceNotFound", "Resource 'x' does not exist."),
    );
    const results = await runRequests({ ...time, graph }, [{ ...get("1"), absentOk: true }]);
    expect(results.get("1")?.kind).toBe("absent");
    expect(graph.batches).toHaveLength(1);
  });

  it.each([
    [
      graphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid."),
      "token_expired",
    ],
    [
      graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
      "access_denied",
    ],
    [
      graphError(
        400,
        "CredentialInvalidLifetimeAsPerAppPolicy",
        "Credential lifetime exceeds the max value allowed as per assigned policy 'p-42'.",
        ["InvalidKeyEndDate"],
      ),
      "secret_lifetime_too_long",
    ],
    [
      graphError(
        400,
        "CredentialTypeNotAllowedAsPerAppPolicy",
        "Credential type not allowed as per assigned policy 'p'.",
      ),
      "secrets_not_allowed",
    ],
    [
      graphError(400, "Request_BadRequest", "Invalid value specified for property 'displayName'."),
      "graph_request_failed",
    ],
  ])("never retries a final 4xx (%#) and maps it to %s", async (reply, code) => {
    const time = fakeTime();
    const graph = scriptedGraph(() => reply);
    const error = await runRequests({ ...time, graph }, [
      { id: "1", method: "POST", url: "/x", body: {} },
    ]).catch((e) => e);
    expect(error).toMatchObject({ name: "CoreError", code });
    expect(graph.batches).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });

  it("names the policy and suggests a shorter lifetime", async () => {
    const graph = scriptedGraph(() =>
      graphError(
        400,
        "CredentialInvalidLifetimeAsPerAppPolicy",
        "Credential lifetime exceeds the max value allowed as per assigned policy 'p-42'.",
      ),
    );
    const error = await runRequests({ ...fakeTime(), graph }, [{ id: "1", method: "POST", url: "/x" }]).catch(
      (e) => e,
    );
    expect(error.message).toContain("'p-42'");
    expect(error.message).toContain("--secret-days");
  });

  it("treats 'already exists' as success", async () => {
    const graph = scriptedGraph((r) =>
      r.id === "1"
        ? graphError(400, "Request_BadRequest", "Permission being assigned already exists on the object.")
        : graphError(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists."),
    );
    const results = await runRequests({ ...fakeTime(), graph }, [
      { id: "1", method: "POST", url: "/a" },
      { id: "2", method: "POST", url: "/b" },
    ]);
    expect([results.get("1")?.kind, results.get("2")?.kind]).toEqual(["exists", "exists"]);
  });

  it("re-sends idempotent requests whose batch response was lost, and reports the others", async () => {
    const time = fakeTime();
    const graph = scriptedGraph((_r, call) => (call === 1 ? "lose-batch" : { status: 200 }));
    const results = await runRequests({ ...time, graph }, [
      { id: "up", method: "PATCH", url: "/u", body: {} },
      { id: "pw", method: "POST", url: "/p", body: {}, onLost: "report" },
    ]);
    expect(results.get("up")?.kind).toBe("ok");
    expect(results.get("pw")?.kind).toBe("lost");
    expect(graph.batches.map((b) => b.map((r) => r.id))).toEqual([["up", "pw"], ["up"]]);
  });

  it("treats a missing sub-response as lost", async () => {
    const graph = scriptedGraph((_r, call) => (call === 1 ? "drop" : { status: 200 }));
    const results = await runRequests({ ...fakeTime(), graph }, [get("a")]);
    expect(results.get("a")?.kind).toBe("ok");
    expect(graph.batches).toHaveLength(2);
  });

  it("gives up at the budget with a code that says re-run", async () => {
    const time = fakeTime();
    const graph = scriptedGraph(() =>
      graphError(404, "Request_ResourceNotFound", "Resource 'x' does not exist."),
    );
    const error = await runRequests({ ...time, graph, retry: { budgetMs: 10_000 } }, [
      { id: "1", method: "PATCH", url: "/x", lagOn404: true },
    ]).catch((e) => e);
    expect(error).toMatchObject({ code: "replication_timeout" });
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
  });

  it("gives up on endless throttling with code throttled", async () => {
    const graph = scriptedGraph(() => ({ status: 429, headers: { "retry-after": "5" } }));
    const error = await runRequests({ ...fakeTime(), graph, retry: { budgetMs: 30_000 } }, [get("a")]).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: "throttled" });
  });
});

describe("removals that find nothing", () => {
  it("treats a removePassword of a key already gone as done", async () => {
    const graph = scriptedGraph(() =>
      graphError(400, "Request_BadRequest", "No password credential found with keyId 'k'."),
    );
    const results = await runRequests({ ...fakeTime(), graph }, [
      {
        id: "1",
        method: "POST",
        url: "/applications/a/removePassword",
        body: { keyId: "k" },
        absentOk: true,
      },
    ]);
    expect(results.get("1")?.kind).toBe("absent");
  });
});

describe("failures of the $batch call itself", () => {
  it("retries an outer 429 after its Retry-After, and maps an outer 401 to token_expired", async () => {
    const { GraphTransportError } = await import("./transport-error.js");
    const time = fakeTime();
    let calls = 0;
    const throttled = {
      async batch(requests: readonly { id: string }[]) {
        calls++;
        if (calls === 1)
          throw new GraphTransportError("http", "429", { status: 429, retryAfter: { afterMs: 2000 } });
        return requests.map((r) => ({ id: r.id, status: 200, headers: {}, body: {} }));
      },
    };
    const results = await runRequests({ ...time, graph: throttled }, [get("a")]);
    expect(results.get("a")?.kind).toBe("ok");
    expect(time.sleeps).toEqual([2000]);

    const expired = {
      batch: async () =>
        Promise.reject(
          new GraphTransportError("http", "401", { status: 401, upstreamCode: "InvalidAuthenticationToken" }),
        ),
    };
    await expect(runRequests({ ...fakeTime(), graph: expired }, [get("a")])).rejects.toMatchObject({
      code: "token_expired",
    });
  });

  it("a throttled token source (nothing sent) is waited out and every request sent again (found by QA)", async () => {
    const { CoreError } = await import("../errors.js");
    const time = fakeTime();
    let calls = 0;
    const inner = scriptedGraph(() => ({ status: 200 }));
    const graph = {
      batch: async (requests: Parameters<typeof inner.batch>[0]) => {
        if (++calls === 1)
          throw new CoreError("throttled", "AADSTS90055: throttled", { retryAfterSeconds: 3 });
        return inner.batch(requests);
      },
    };
    const write: RunRequest = {
      id: "k",
      method: "POST",
      url: "/applications/a/addKey",
      body: {},
      onLost: "report",
    };
    const results = await runRequests({ ...time, graph }, [write]);
    // Not "lost": the write was never sent, so it is sent (once) after the Retry-After.
    expect(results.get("k")?.kind).toBe("ok");
    expect(time.sleeps).toEqual([3_000]);
    expect(inner.batches).toHaveLength(1);
  });

  it("rethrows a CoreError from the token source unchanged (not a lost response)", async () => {
    const { CoreError } = await import("../errors.js");
    const graph = { batch: async () => Promise.reject(new CoreError("token_expired", "sign in again")) };
    await expect(runRequests({ ...fakeTime(), graph }, [get("a")])).rejects.toMatchObject({
      code: "token_expired",
    });
  });
});

describe("honest retries", () => {
  const addPassword: RunRequest = {
    id: "pw",
    method: "POST",
    url: "/applications/a/addPassword",
    body: {},
    onLost: "report",
  };
  const upsert: RunRequest = { id: "up", method: "PATCH", url: "/u", body: {} };

  it("waits out Retry-After: 90 in full when the 120 s budget allows it (fake clock)", async () => {
    const time = fakeTime();
    const graph = scriptedGraph((_r, call) =>
      call === 1 ? { status: 429, headers: { "Retry-After": "90" } } : { status: 200 },
    );
    const results = await runRequests({ ...time, graph, retry: { budgetMs: 120_000 } }, [get("a")]);
    expect(time.sleeps).toEqual([90_000]);
    expect(results.get("a")?.kind).toBe("ok");
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const time = fakeTime();
    const at = new Date(time.clock.now() + 42_000).toUTCString();
    const graph = scriptedGraph((_r, call) =>
      call === 1 ? { status: 503, headers: { "retry-after": at } } : { status: 200 },
    );
    await runRequests({ ...time, graph }, [get("a")]);
    // toUTCString drops milliseconds, so the wait is 41-42 s, never shortened to a backoff step.
    expect(time.sleeps).toHaveLength(1);
    expect(time.sleeps[0]).toBeGreaterThan(41_000);
    expect(time.sleeps[0]).toBeLessThanOrEqual(42_000);
  });

  it("stops and says how long to wait when Retry-After exceeds what the budget has left", async () => {
    const time = fakeTime();
    const graph = scriptedGraph(() => ({ status: 429, headers: { "Retry-After": "150" } }));
    const error = await runRequests({ ...time, graph, retry: { budgetMs: 120_000 } }, [get("a")]).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "throttled", retryAfterSeconds: 150 });
    expect((error as Error).message).toContain("Wait 150 s");
    expect(time.sleeps).toEqual([]);
    expect(graph.batches).toHaveLength(1);
  });

  it("stops at maxRetryAfterMs instead of shortening the wait (an HTTP caller is waiting)", async () => {
    const time = fakeTime();
    const graph = scriptedGraph(() => ({ status: 429, headers: { "Retry-After": "30" } }));
    const error = await runRequests({ ...time, graph, retry: { maxRetryAfterMs: 10_000 } }, [get("a")]).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "throttled", retryAfterSeconds: 30 });
    expect(time.sleeps).toEqual([]);
  });

  it.each([503, 504])(
    "reports addPassword as lost on a %i sub-response (maybe committed), resends the upsert",
    async (status) => {
      const time = fakeTime();
      const graph = scriptedGraph((_r, call) => (call === 1 ? { status } : { status: 200 }));
      const results = await runRequests({ ...time, graph }, [upsert, addPassword]);
      expect(results.get("pw")?.kind).toBe("lost");
      expect(results.get("up")?.kind).toBe("ok");
      expect(graph.batches.map((b) => b.map((r) => r.id))).toEqual([["up", "pw"], ["up"]]);
    },
  );

  it("resends addPassword after a 429 sub-response (refused before it ran)", async () => {
    const graph = scriptedGraph((_r, call) => (call === 1 ? { status: 429 } : { status: 200 }));
    const results = await runRequests({ ...fakeTime(), graph }, [addPassword]);
    expect(results.get("pw")?.kind).toBe("ok");
    expect(graph.batches).toHaveLength(2);
  });

  it.each([429, 503, 504])(
    "a whole-$batch %i resends only the idempotent requests, after its Retry-After",
    async (status) => {
      const { GraphTransportError } = await import("./transport-error.js");
      const time = fakeTime();
      const sent: string[][] = [];
      const graph = {
        async batch(requests: readonly { id: string }[]) {
          sent.push(requests.map((r) => r.id));
          if (sent.length === 1)
            throw new GraphTransportError("http", String(status), { status, retryAfter: { afterMs: 7000 } });
          return requests.map((r) => ({ id: r.id, status: 200, headers: {}, body: {} }));
        },
      };
      const results = await runRequests({ ...time, graph }, [upsert, addPassword]);
      expect(sent).toEqual([["up", "pw"], ["up"]]);
      expect(results.get("pw")?.kind).toBe("lost");
      expect(time.sleeps).toEqual([7000]);
    },
  );

  it("paces a throttled write handed back as lost: its Retry-After is waited before returning", async () => {
    const { GraphTransportError } = await import("./transport-error.js");
    const time = fakeTime();
    const graph = {
      batch: async () =>
        Promise.reject(
          new GraphTransportError("http", "503", { status: 503, retryAfter: { afterMs: 5000 } }),
        ),
    };
    const results = await runRequests({ ...time, graph }, [addPassword]);
    expect(results.get("pw")?.kind).toBe("lost");
    expect(time.sleeps).toEqual([5000]);
  });
});
