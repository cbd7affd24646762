/**
 * Exchange Online's admin REST transport, as the Exchange Online PowerShell module (v3) sends its
 * cmdlets: `POST /adminapi/beta/{tenantId}/InvokeCommand` with
 * `{"CmdletInput": {"CmdletName": ..., "Parameters": {...}}}`, answered `{"value": [...]}`.
 * Microsoft documents that the module's cmdlets are "backed by a REST API" ("REST API connections in
 * the EXO V3 module", learn.microsoft.com/powershell/exchange/exchange-online-powershell-v2) but not the
 * endpoint; public callers show its shape (CIPP: KelvinTegelaar/CIPP-API
 * `Modules/CIPPCore/Public/GraphHelper/New-ExoRequest.ps1`; CISA ScubaGear). Only the two cmdlets we use
 * exist here.
 *
 * Stricter than Microsoft where we are unsure (each one is a refusal, never an extra permission):
 * - only delegated tokens of the Exchange Online PowerShell public client are accepted (the real
 *   service also takes other first-party clients and app-only Exchange.ManageAsApp tokens);
 * - the caller needs Exchange Administrator or Global Administrator in `wids` (Microsoft: "Exchange
 *   admin role"; other role groups that hold Organization Configuration are not modelled);
 * - `X-AnchorMailbox` is required (the module always sends it);
 * - Get-OrganizationConfig leaves the Ews* properties empty unless -RetrieveEwsOperationAccessPolicy
 *   is passed (the parameter exists because they are not returned by default);
 * - EwsAllowedAppIDs takes a whole list (or $null), never an `@{Add=...}` hashtable: Microsoft's page
 *   documents only read-merge-write for it.
 * Error bodies are `{"error": {"code", "message"}}` with the PowerShell message text; the real
 * envelope carries more detail we do not rely on.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { SandboxContext } from "../context.js";
import {
  EXCHANGE_AUDIENCES,
  EXO_POWERSHELL_CLIENT_ID,
  ROLE_EXCHANGE_ADMINISTRATOR,
} from "../store/exchange-ids.js";
import { ROLE, type TenantIdentity } from "../store/tenant.js";
import { readBearer } from "../workloads/bearer.js";
import type { EwsAccessPolicy, EwsOrgPolicy } from "./org-config.js";

class CmdletError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unknownParameter(name: string): CmdletError {
  return new CmdletError(
    400,
    "BadRequest",
    `A parameter cannot be found that matches parameter name '${name}'.`,
  );
}

function transform(name: string, why: string): CmdletError {
  return new CmdletError(
    400,
    "BadRequest",
    `Cannot process argument transformation on parameter '${name}'. ${why}`,
  );
}

function stringList(name: string, value: unknown, guids: boolean): string[] | null {
  if (value === null) return null;
  const items = typeof value === "string" ? [value] : value;
  if (!Array.isArray(items) || items.some((v) => typeof v !== "string")) {
    throw transform(name, "Pass the whole list as an array of strings, or $null.");
  }
  const list = [...new Set(items.map((v) => v.trim()).filter(Boolean))];
  const bad = guids ? list.find((v) => !GUID.test(v)) : undefined;
  if (bad !== undefined) throw transform(name, `"${bad}" is not a valid application (client) ID.`);
  return list;
}

function organizationConfig(tenant: TenantIdentity, policy: EwsOrgPolicy | null): Record<string, unknown> {
  return {
    Identity: tenant.domain,
    Name: tenant.domain.split(".")[0],
    DisplayName: tenant.name,
    Guid: tenant.id,
    EwsEnabled: policy?.EwsEnabled ?? null,
    EwsApplicationAccessPolicy: policy?.EwsApplicationAccessPolicy ?? null,
    EwsAllowList: policy?.EwsAllowList ?? null,
    EwsBlockList: policy?.EwsBlockList ?? null,
    EwsAllowedAppIDs: policy?.EwsAllowedAppIDs ?? null,
  };
}

function getOrganizationConfig(ctx: SandboxContext, parameters: Record<string, unknown>): unknown[] {
  for (const name of Object.keys(parameters))
    if (name !== "RetrieveEwsOperationAccessPolicy") throw unknownParameter(name);
  const withEws = parameters.RetrieveEwsOperationAccessPolicy === true;
  return [organizationConfig(ctx.dir.tenant, withEws ? ctx.exchange.written() : null)];
}

function setOrganizationConfig(ctx: SandboxContext, parameters: Record<string, unknown>): unknown[] {
  const change: Partial<EwsOrgPolicy> = {};
  for (const [name, value] of Object.entries(parameters)) {
    switch (name) {
      case "EwsEnabled":
        if (value !== null && typeof value !== "boolean")
          throw transform(name, "Use $true, $false or $null.");
        change.EwsEnabled = value;
        break;
      case "EwsApplicationAccessPolicy":
        if (value !== null && value !== "EnforceAllowList" && value !== "EnforceBlockList") {
          throw transform(name, "Use EnforceAllowList, EnforceBlockList or $null.");
        }
        change.EwsApplicationAccessPolicy = value as EwsAccessPolicy | null;
        break;
      case "EwsAllowList":
      case "EwsBlockList":
        change[name] = stringList(name, value, false);
        break;
      case "EwsAllowedAppIDs":
        change.EwsAllowedAppIDs = stringList(name, value, true);
        break;
      default:
        throw unknownParameter(name);
    }
  }
  ctx.exchange.write(change);
  return [];
}

async function invoke(ctx: SandboxContext, c: Context): Promise<Response> {
  const tenant = c.req.param("tenant")?.toLowerCase() ?? "";
  if (tenant !== ctx.dir.tenant.id && tenant !== ctx.dir.tenant.domain) {
    throw new CmdletError(404, "NotFound", `The tenant '${tenant}' was not found.`);
  }
  const bearer = await readBearer(ctx, c.req.header("authorization"));
  if (!bearer.ok) throw new CmdletError(401, "Unauthorized", bearer.reason);
  const caller = bearer.caller;
  if (!EXCHANGE_AUDIENCES.includes(caller.aud)) {
    throw new CmdletError(401, "Unauthorized", "The token audience is not https://outlook.office365.com.");
  }
  if (caller.kind !== "user" || caller.appId !== EXO_POWERSHELL_CLIENT_ID) {
    throw new CmdletError(
      403,
      "Forbidden",
      "Sign in with the Exchange Online PowerShell client (fb78d390-0c51-40cd-8e17-fdbfab77341b) as a user.",
    );
  }
  if (!caller.wids.some((w) => w === ROLE_EXCHANGE_ADMINISTRATOR || w === ROLE.globalAdministrator)) {
    throw new CmdletError(
      403,
      "Forbidden",
      `The user "${caller.upn ?? caller.oid}" isn't assigned to any management roles: an Exchange Administrator or Global Administrator must run this.`,
    );
  }
  if (!c.req.header("x-anchormailbox")) {
    throw new CmdletError(400, "BadRequest", "The X-AnchorMailbox header is required.");
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new CmdletError(400, "BadRequest", "The request body is not JSON.");
  }
  const input = (body as { CmdletInput?: { CmdletName?: unknown; Parameters?: unknown } } | null)
    ?.CmdletInput;
  const name = input?.CmdletName;
  const parameters = input?.Parameters ?? {};
  if (
    typeof name !== "string" ||
    typeof parameters !== "object" ||
    parameters === null ||
    Array.isArray(parameters)
  ) {
    throw new CmdletError(
      400,
      "BadRequest",
      "CmdletInput needs CmdletName (string) and Parameters (object).",
    );
  }
  const params = parameters as Record<string, unknown>;
  let value: unknown[];
  if (name.toLowerCase() === "get-organizationconfig") value = getOrganizationConfig(ctx, params);
  else if (name.toLowerCase() === "set-organizationconfig") value = setOrganizationConfig(ctx, params);
  else {
    throw new CmdletError(
      400,
      "BadRequest",
      `The term '${name}' is not recognized as a name of a cmdlet available in the sandbox.`,
    );
  }
  return c.json({
    "@odata.context": `${ctx.origin}/adminapi/beta/${ctx.dir.tenant.id}/$metadata#Collection`,
    value,
  });
}

export function exchangeAdminRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.post("/adminapi/beta/:tenant/InvokeCommand", async (c) => {
    try {
      return await invoke(ctx, c);
    } catch (e) {
      if (!(e instanceof CmdletError)) throw e;
      ctx.stats.status(e.status);
      return c.json({ error: { code: e.code, message: e.message } }, e.status);
    }
  });
  return app;
}
