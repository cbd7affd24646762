/**
 * POST /v1/verify: good and wrong credentials, and each bad input refused naming its field.
 * Part of the route contract (routes.case.ts).
 */
import { expect, it } from "vitest";
import { GOOD_SECRET, TEST_TENANT } from "./fakes.js";
import { type AppFactory, expectError, json, verifyBody } from "./route-request.js";

export function verifyInputCases(makeApp: AppFactory): void {
  it("verifies good client credentials: every application permission granted", async () => {
    const { request } = makeApp();
    const res = await request("/v1/verify", json(verifyBody({ sharePointTenant: "contoso" })));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const report = (await res.json()) as {
      complete: boolean;
      items: { kind: string; status: string }[];
      tokens: { ok: boolean; audience: string }[];
    };
    expect(report.complete).toBe(true);
    const proven = report.items.filter((i) => i.status === "granted");
    expect(proven.filter((i) => i.kind === "application").length).toBeGreaterThan(10);
    expect(proven.filter((i) => i.kind === "delegated").length).toBeGreaterThan(0);
    expect(report.items.every((i) => i.status === "granted" || i.status === "unverifiable")).toBe(true);
    expect(report.tokens.every((t) => t.ok)).toBe(true);
    expect(report.tokens.map((t) => t.audience)).toContain("https://contoso.sharepoint.com");
  });

  it("reports a wrong secret as an authentication failure, never a 500, never echoing it", async () => {
    const { request } = makeApp();
    const wrong = "Wrong~Secret.Value_9876543210zyxwvu";
    const res = await request("/v1/verify", json(verifyBody({ clientSecret: wrong })));
    const text = await res.text();
    expect(res.status).toBeLessThan(500);
    expect(text).not.toContain(wrong);
    expect(text).toMatch(/invalid_client_credentials/);
  });

  it.each([
    [{ clientId: undefined }, "clientId"],
    [{ clientId: "not-a-guid" }, "clientId"],
    [{ tenantId: "../../evil" }, "tenantId"],
    [{ tenantId: "evil.example.com/x?y" }, "tenantId"],
    [{ sharePointTenant: "evil.example.com" }, "sharePointTenant"],
    [{ clientSecret: undefined }, "clientSecret"],
    [{ certificate: { certificatePem: "x", privateKeyPem: "y" } }, "certificate.certificatePem"],
  ])("rejects %j naming %s", async (extra, field) => {
    const { request } = makeApp();
    const body = await expectError(
      await request("/v1/verify", json(verifyBody(extra))),
      400,
      "invalid_input",
      field,
    );
    expect(JSON.stringify(body)).not.toContain(GOOD_SECRET);
  });

  it("says which field is missing", async () => {
    const { request } = makeApp();
    const body = await expectError(
      await request("/v1/verify", json({ tenantId: TEST_TENANT })),
      400,
      "invalid_input",
      "clientId",
    );
    expect(body.message).toBe("clientId is required.");
  });

  it("answers malformed JSON with 400 invalid_input", async () => {
    const { request } = makeApp();
    await expectError(await request("/v1/verify", json("{not json")), 400, "invalid_input", "body");
  });

  it("refuses a body over the limit with 413", async () => {
    const { request, config } = makeApp();
    const big = verifyBody({ clientSecret: "x".repeat(config.bodyLimitBytes + 10) });
    await expectError(await request("/v1/verify", json(big)), 413, "payload_too_large");
  });
}
