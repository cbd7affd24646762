import { Hono } from "hono";
import type { SandboxContext } from "../context.js";
import { authorize } from "./authorize.js";
import { checkCrossOrigin } from "./cross-origin.js";
import { approveDevice, deviceLoginPage, startDeviceCode } from "./device.js";
import { OAuthError } from "./oauth-error.js";
import { checkTenant, handleToken } from "./token-endpoint.js";
import { idIssuer } from "./tokens.js";

async function formOf(req: Request): Promise<Record<string, string>> {
  const text = await req.text();
  return Object.fromEntries(new URLSearchParams(text));
}

function oauthResponse(e: unknown, correlationId: string | undefined): Response {
  if (e instanceof OAuthError) {
    return Response.json(e.body(correlationId), {
      status: e.status,
      headers: { "Cache-Control": "no-store" },
    });
  }
  throw e;
}

export function openIdConfiguration(ctx: SandboxContext, tenant: string): Record<string, unknown> {
  const base = `${ctx.origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${ctx.origin}/${ctx.dir.tenant.id}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: idIssuer(ctx),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub",
      "iss",
      "aud",
      "exp",
      "iat",
      "nonce",
      "preferred_username",
      "name",
      "tid",
      "ver",
      "oid",
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: "NA",
    cloud_instance_name: new URL(ctx.origin).host,
    cloud_graph_host_name: new URL(ctx.origin).host,
    msgraph_host: new URL(ctx.origin).host,
  };
}

/** Entra ID endpoints: discovery, JWKS, token, device code, authorize and the device login page. */
export function entraRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const host = () => new URL(ctx.origin).host;

  app.get("/common/discovery/instance", (c) =>
    c.json({
      tenant_discovery_endpoint: `${ctx.origin}/${ctx.dir.tenant.id}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host(), preferred_cache: host(), aliases: [host()] }],
    }),
  );
  const oidc = (tenant: string) => {
    checkTenant(ctx, tenant);
    return openIdConfiguration(ctx, tenant);
  };
  for (const path of [
    "/:tenant/v2.0/.well-known/openid-configuration",
    "/:tenant/.well-known/openid-configuration",
  ]) {
    app.get(path, (c) => {
      try {
        return c.json(oidc(c.req.param("tenant") ?? ""));
      } catch (e) {
        return oauthResponse(e, undefined);
      }
    });
  }
  app.get("/:tenant/discovery/v2.0/keys", (c) => c.json({ keys: [ctx.signer.jwk] }));
  app.get("/:tenant/discovery/keys", (c) => c.json({ keys: [ctx.signer.jwk] }));

  app.post("/:tenant/oauth2/v2.0/token", async (c) => {
    const form = await formOf(c.req.raw);
    const correlation =
      c.req.query("client-request-id") ?? c.req.header("client-request-id") ?? form["client-request-id"];
    try {
      const code = form.code ? ctx.sessions.codes.get(form.code) : undefined;
      checkCrossOrigin(ctx, c.req.header("origin"), form, code?.redirectUri);
      return c.json(await handleToken(ctx, c.req.param("tenant"), form), 200, {
        "Cache-Control": "no-store",
      });
    } catch (e) {
      return oauthResponse(e, correlation ?? undefined);
    }
  });
  app.post("/:tenant/oauth2/v2.0/devicecode", async (c) => {
    try {
      checkTenant(ctx, c.req.param("tenant"));
      return c.json(startDeviceCode(ctx, await formOf(c.req.raw)));
    } catch (e) {
      return oauthResponse(e, undefined);
    }
  });

  const authorizeHandler = (params: Record<string, string>, path: string) => {
    const result = authorize(ctx, params, path);
    if (result.kind === "redirect")
      return new Response(null, { status: 302, headers: { Location: result.location } });
    return new Response(result.html, {
      status: result.status,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
  };
  app.get("/:tenant/oauth2/v2.0/authorize", (c) => authorizeHandler(c.req.query(), c.req.path));
  app.post("/:tenant/oauth2/v2.0/authorize", async (c) =>
    authorizeHandler(await formOf(c.req.raw), c.req.path),
  );

  app.get("/devicelogin", (c) => c.html(deviceLoginPage(ctx, undefined, c.req.query("otc") ?? "")));
  app.post("/devicelogin", async (c) => {
    const form = await formOf(c.req.raw);
    const error = approveDevice(ctx, form.user_code ?? "", form.upn ?? "");
    if (error) return c.html(deviceLoginPage(ctx, error, form.user_code ?? ""), 400);
    return c.html("<!doctype html><p>You have signed in. You can close this window.</p>");
  });
  return app;
}
