import { cloudEndpoints, isCoreError } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { createServiceOutbound } from "./service-outbound.js";

describe("createServiceOutbound", () => {
  const reached: string[] = [];
  const outbound = createServiceOutbound(
    cloudEndpoints("global"),
    async (url) => {
      reached.push(url);
      return new Response("ok");
    },
    1000,
  );

  it.each([
    "https://graph.microsoft.com/v1.0/users?$top=1",
    "https://outlook.office365.com/EWS/Exchange.asmx",
    "https://contoso.sharepoint.com/_api/web",
  ])("lets the workload proofs reach %s", async (url) => {
    expect((await outbound(url, { method: "GET" })).status).toBe(200);
    expect(reached).toContain(url);
  });

  it.each([
    "https://evil.example.com/",
    "https://contoso.sharepoint.com.evil.example.com/_api/web",
    "http://contoso.sharepoint.com/_api/web",
    "https://a.b.sharepoint.com/_api/web",
    "https://user:pw@contoso.sharepoint.com/",
  ])("refuses %s before sending", async (url) => {
    const before = reached.length;
    const error = await outbound(url, { method: "GET" }).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("internal_error");
    expect(reached.length).toBe(before);
  });
});
