/**
 * The page's EWS "allow" route against the sandbox over real HTTPS: a device-code sign-in of the
 * Exchange Online PowerShell client (the sandbox approves it as its Global Administrator), then core's
 * read-merge-write. An empty allow list (every app may use EWS) is not shrunk to this app alone without
 * confirmEwsChange; bad input is refused naming the field; no token ever comes back.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sandboxEndpoints } from "@boxafe-connect/core";
import { trustCa } from "@boxafe-connect/runtime";
import { type RunningSandbox, startSandbox } from "@boxafe-connect/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEwsAllow, EWS_ALLOW_PATH } from "./ews-allow.js";

let sandbox: RunningSandbox;
let server: Server;
let base: string;
const APP = "a1b2c3d4-0000-4000-8000-0000000000e5";
const bodies: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, autoApprove: true, ewsPropagationMs: 0 });
  trustCa(sandbox.caPem, sandbox.url);
  const handle = createEwsAllow({ cloud: sandboxEndpoints(sandbox.url) });
  server = createServer((req, res) => {
    if (!handle(new URL(req.url ?? "/", "http://x").pathname, req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await sandbox?.stop();
});

async function call(
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
}

async function allow(confirmEwsChange: boolean): Promise<Record<string, unknown>> {
  const started = await call(EWS_ALLOW_PATH, {
    tenantId: sandbox.tenantId,
    initialDomain: sandbox.tenantDomain,
    appId: APP,
    confirmEwsChange,
  });
  expect(started.status).toBe(200);
  expect(started.json.userCode).toEqual(expect.any(String));
  expect(String(started.json.verificationUri)).toMatch(/\/devicelogin$/);
  for (let i = 0; i < 120; i++) {
    const poll = await call(`${EWS_ALLOW_PATH}/${String(started.json.id)}`);
    if (poll.json.state !== "waiting") return poll.json;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the sign-in never finished");
}

const seed = (policy: Record<string, unknown>) =>
  fetch(`${sandbox.url}/_sandbox/exchange`, { method: "POST", body: JSON.stringify({ policy }) });

describe("POST /api/ews/allow", () => {
  it("refuses to shrink an open allow list to this app without confirmEwsChange, then writes it with it", async () => {
    await seed({ EwsEnabled: true, EwsAllowedAppIDs: [] });
    const refused = await allow(false);
    expect(refused.state).toBe("done");
    expect(refused.result).toMatchObject({
      needsConfirmation: true,
      ewsAllowed: false,
      outcome: "needs-confirmation",
    });
    expect(JSON.stringify(refused.result)).toContain("BLOCKS EVERY OTHER EWS APP");
    expect(sandbox.context.exchange.written().EwsAllowedAppIDs).toEqual([]);

    const written = await allow(true);
    expect(written.result).toMatchObject({ needsConfirmation: false, ewsAllowed: true, outcome: "written" });
    expect(String((written.result as { powershell: string }).powershell)).toContain("EwsAllowedAppIDs");
    expect(sandbox.context.exchange.written().EwsAllowedAppIDs).toEqual([APP]);
  });

  it("merges into an unset policy without asking, and says unchanged when the app is already on", async () => {
    await seed({ EwsEnabled: null, EwsAllowedAppIDs: null });
    expect((await allow(false)).result).toMatchObject({ outcome: "written", ewsAllowed: true });
    expect((await allow(false)).result).toMatchObject({ outcome: "unchanged", ewsAllowed: true });
  });

  it.each([
    [{ tenantId: "t", initialDomain: "contoso.onmicrosoft.com", appId: "nope" }, "appId"],
    [{ initialDomain: "contoso.onmicrosoft.com", appId: APP }, "tenantId"],
    [{ tenantId: "contoso.onmicrosoft.com", initialDomain: "../x", appId: APP }, "initialDomain"],
  ])("refuses %j naming %s before any sign-in", async (body, field) => {
    const res = await call(EWS_ALLOW_PATH, body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "invalid_input", field });
  });

  it("answers an unknown sign-in with 404, and no answer ever carried a token", async () => {
    const res = await call(`${EWS_ALLOW_PATH}/00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(404);
    expect(bodies.some((b) => /eyJ[A-Za-z0-9_-]{10,}\./.test(b))).toBe(false);
  });
});
