/**
 * SharePoint REST `GET /_api/web` as an app. Since ACS was retired (2026-04-02) app-only access to
 * SharePoint REST/CSOM with an Entra app needs a certificate: "all other options are blocked by
 * SharePoint Online" (sp-dev-docs security-apponly-azuread, add-ins-and-azure-acs-retirements-faq);
 * a token got with a client secret (`appidacr` "1") gets 401 with
 * `x-ms-diagnostics: 3000003;reason="Unsupported app only token."` (pnp/powershell discussion #5377).
 *
 * The sandbox serves one tenant, `contoso`, on its own origin: the token's audience must be
 * https://contoso.sharepoint.com (a vanity-domain audience is not a SharePoint resource,
 * pnp/pnpassessment #76). An app-only token with no SharePoint app role gets 403 "Access denied."
 */
import { Hono } from "hono";
import type { SandboxContext } from "../context.js";
import type { TenantIdentity } from "../store/tenant.js";
import { readBearer } from "../workloads/bearer.js";

const SITE_ROLES = ["Sites.FullControl.All", "Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All"];

function diagnostics(
  tenant: TenantIdentity,
  code: number,
  reason: string,
  category: string,
): Record<string, string> {
  return {
    "x-ms-diagnostics": `${code};reason="${reason}";category="${category}"`,
    "WWW-Authenticate": `Bearer realm="${tenant.id}",client_id="00000003-0000-0ff1-ce00-000000000000"`,
  };
}

export function sharePointRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const tenant = ctx.dir.tenant;
  const AUDIENCE = `https://${tenant.sharePointName}.sharepoint.com`;
  app.get("/_api/web", async (c) => {
    const denied = (status: 401 | 403, message: string, headers: Record<string, string> = {}) => {
      ctx.stats.status(status);
      return c.json(
        {
          "odata.error": {
            code: "-2147024891, System.UnauthorizedAccessException",
            message: { lang: "en-US", value: message },
          },
        },
        status,
        headers,
      );
    };
    const bearer = await readBearer(ctx, c.req.header("authorization"));
    if (!bearer.ok)
      return denied(401, bearer.reason, diagnostics(tenant, 3000006, bearer.reason, "invalid_client"));
    const caller = bearer.caller;
    if (caller.aud !== AUDIENCE) {
      return denied(
        401,
        "Invalid audience Uri.",
        diagnostics(tenant, 3000003, "Invalid audience Uri.", "invalid_client"),
      );
    }
    if (caller.kind === "app") {
      if (caller.appidacr !== "2") {
        return denied(
          401,
          "Unsupported app only token.",
          diagnostics(tenant, 3000003, "Unsupported app only token.", "invalid_client"),
        );
      }
      if (!caller.roles.some((r) => SITE_ROLES.includes(r))) return denied(403, "Access denied.");
    }
    ctx.stats.status(200);
    return c.json({
      Id: "d0000001-0000-4000-8000-000000000001",
      Title: `${tenant.name} Team Site`,
      Url: AUDIENCE,
      ServerRelativeUrl: "/",
      WebTemplate: "SITEPAGEPUBLISHING",
      Created: "2021-11-23T00:00:00Z",
    });
  });
  return app;
}
