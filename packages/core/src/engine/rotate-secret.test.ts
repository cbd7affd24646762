import { describe, expect, it } from "vitest";
import { sandboxEndpoints } from "../clouds.js";
import type { GraphRequest } from "../graph/port.js";
import { fakeTime, scriptedGraph } from "../testing/index.js";
import { tokenError } from "../verify/token-response.js";
import { rotateSecret } from "./rotate-secret.js";

function tenant() {
  const passwords = [
    { keyId: "old-ours", displayName: "boxafe-connect secret abc-0", endDateTime: "2027-01-01T00:00:00Z" },
    { keyId: "theirs", displayName: "Someone else's", endDateTime: "2027-01-01T00:00:00Z" },
  ];
  const graph = scriptedGraph((r: GraphRequest) => {
    if (r.method === "GET")
      return {
        status: 200,
        body: { id: "app-obj", appId: "app-id", displayName: "QNAP Boxafe", passwordCredentials: passwords },
      };
    if (r.url.endsWith("/addPassword")) {
      const name = (r.body as { passwordCredential: { displayName: string } }).passwordCredential.displayName;
      passwords.push({ keyId: "new", displayName: name, endDateTime: "2027-06-01T00:00:00Z" });
      return {
        status: 200,
        body: { keyId: "new", secretText: "fresh-secret", endDateTime: "2027-06-01T00:00:00Z" },
      };
    }
    if (r.method === "PATCH") return { status: 204 };
    if (r.url.endsWith("/removePassword")) {
      const { keyId } = r.body as { keyId: string };
      passwords.splice(
        passwords.findIndex((p) => p.keyId === keyId),
        1,
      );
      return { status: 204 };
    }
    return { status: 500 };
  });
  return { graph, passwords };
}

/** Entra's answer for a secret it has not replicated yet. */
const notYet = () => tokenError({ status: 401, error: "invalid_client", aadsts: 7000215 }, "app app-id");

const input = {
  tenantId: "t",
  appKey: { appId: "app-id" },
  endDateTime: "2027-06-01T00:00:00Z",
  cloud: sandboxEndpoints("https://localhost:8443"),
};

describe("rotateSecret", () => {
  it("adds and proves a new secret (waiting out replication) and keeps every old one", async () => {
    const t = tenant();
    let calls = 0;
    const appToken = {
      acquire: async () => (++calls < 3 ? Promise.reject(notYet()) : "jwt"),
    };
    const result = await rotateSecret({ ...fakeTime(), graph: t.graph, appToken }, input);
    expect(t.passwords.map((p) => p.keyId)).toEqual(["old-ours", "theirs", "new"]);
    expect(t.passwords[2]?.displayName).toMatch(/^boxafe-connect secret /);
    expect(result.pendingIds).toHaveLength(1);
    // The pending mark was written before addPassword was sent.
    const sent = t.graph.batches.flat().map((r) => `${r.method} ${r.url.split("/").pop()}`);
    expect(sent.indexOf("PATCH app-obj")).toBeLessThan(sent.indexOf("POST addPassword"));
  });

  it("waits out a throttled token answer (AADSTS90055, Retry-After) and keeps the new secret (found by QA)", async () => {
    const t = tenant();
    const throttled = tokenError(
      { status: 429, error: "temporarily_unavailable", aadsts: 90055 },
      "app app-id",
    );
    const time = fakeTime();
    let calls = 0;
    const appToken = {
      acquire: async () =>
        ++calls === 1 ? Promise.reject(Object.assign(throttled, { retryAfterSeconds: 2 })) : "jwt",
    };
    const result = await rotateSecret({ ...time, graph: t.graph, appToken }, input);
    expect(result.secret.keyId).toBe("new");
    expect(calls).toBe(2);
    expect(t.passwords.map((p) => p.keyId)).toEqual(["old-ours", "theirs", "new"]);
  });

  it("a token service still throttling at the end of the window: its error, the new secret removed", async () => {
    const t = tenant();
    const appToken = {
      acquire: async () =>
        Promise.reject(
          tokenError({ status: 429, error: "temporarily_unavailable", aadsts: 90055 }, "app app-id"),
        ),
    };
    const error = await rotateSecret(
      { ...fakeTime(), graph: t.graph, appToken },
      { ...input, proveWithinMs: 10_000 },
    ).catch((e) => e);
    expect(error).toMatchObject({ code: "throttled" });
    expect(t.passwords.map((p) => p.keyId)).toEqual(["old-ours", "theirs"]);
  });

  it("removes the new secret and keeps the old when the new one never works", async () => {
    const t = tenant();
    const appToken = {
      acquire: async () => Promise.reject(notYet()),
    };
    const error = await rotateSecret({ ...fakeTime(), graph: t.graph, appToken }, input).catch((e) => e);
    expect(error).toMatchObject({ code: "unsafe_operation" });
    expect(t.passwords.map((p) => p.keyId)).toEqual(["old-ours", "theirs"]);
  });
});
