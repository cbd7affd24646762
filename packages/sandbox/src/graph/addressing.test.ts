import { describe, expect, it } from "vitest";
import { TENANT_DOMAIN, TENANT_ID } from "../store/tenant.js";
import { errorOf, graph } from "../test/harness.js";
import { GRAPH_SP } from "../test/ids.js";
import { useSandbox } from "../test/suite.js";

const t = useSandbox({ reset: "tenant" });

describe("tenant addressing", () => {
  it.each(["myorganization", TENANT_ID, TENANT_DOMAIN, "CONTOSO.onmicrosoft.com"])(
    "serves /v1.0/%s/... as the signed-in tenant",
    async (segment) => {
      const sp = await graph(
        t.sb,
        t.admin,
        "GET",
        `/${segment}/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id`,
      );
      expect(sp.status).toBe(200);
      expect(sp.body.id).toBe(GRAPH_SP);
      const org = await graph(t.sb, t.admin, "GET", `/${segment}/organization?$select=id`);
      expect((org.body.value as { id: string }[])[0]?.id).toBe(TENANT_ID);
    },
  );

  it("creates through the tenant segment, in $batch too", async () => {
    const created = await graph(t.sb, t.admin, "POST", "/myorganization/applications", {
      displayName: "Addressed",
    });
    expect(created.status).toBe(201);
    const batch = await graph(t.sb, t.admin, "POST", "/$batch", {
      requests: [{ id: "1", method: "GET", url: `/${TENANT_ID}/applications/${created.body.id}?$select=id` }],
    });
    const [first] = batch.body.responses as { status: number; body: { id: string } }[];
    expect(first?.status).toBe(200);
    expect(first?.body.id).toBe(created.body.id);
  });

  it("refuses another tenant's id or an unverified domain like an unknown segment", async () => {
    for (const segment of ["11111111-2222-4333-8444-555555555555", "fabrikam.onmicrosoft.com"]) {
      const res = await graph(t.sb, t.admin, "GET", `/${segment}/servicePrincipals`);
      expect(res.status).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: "BadRequest",
        message: `Resource not found for the segment '${segment}'.`,
      });
    }
  });
});
