import type { SandboxContext } from "../context.js";
import { ROLE_NAMES } from "../store/tenant.js";
import type { User } from "../store/types.js";
import { metadata } from "./entity.js";
import { graphErrors } from "./errors.js";
import { list, select } from "./odata.js";
import type { GraphRequest, GraphResponse } from "./types.js";

export function userShape(u: User): Record<string, unknown> {
  return {
    id: u.id,
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.displayName.split(" ")[0] ?? null,
    jobTitle: null,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: "en-US",
    surname: u.displayName.split(" ").slice(1).join(" ") || null,
    userPrincipalName: u.userPrincipalName,
  };
}

/** /me and /me/memberOf (directory roles as `#microsoft.graph.directoryRole` objects). */
export function handleMe(ctx: SandboxContext, req: GraphRequest, rest: string[]): GraphResponse {
  if (req.caller.kind !== "user") {
    throw graphErrors.badRequest("/me request is only valid with delegated authentication flow.");
  }
  if (req.method !== "GET") throw graphErrors.method();
  const user = req.caller.user;
  if (rest.length === 0)
    return {
      status: 200,
      body: { "@odata.context": metadata(ctx, "users/$entity"), ...select(userShape(user), req.query) },
    };
  if (rest.length === 1 && rest[0] === "memberOf") {
    const roles = user.roles.map((templateId) => ({
      "@odata.type": "#microsoft.graph.directoryRole",
      id: `c0000000-0000-4000-8000-${templateId.slice(-12)}`,
      deletedDateTime: null,
      description: ROLE_NAMES[templateId] ?? templateId,
      displayName: ROLE_NAMES[templateId] ?? templateId,
      roleTemplateId: templateId,
    }));
    return list(metadata(ctx, "directoryObjects"), roles, req);
  }
  throw graphErrors.segment(rest[0] ?? "");
}

export function handleOrganization(ctx: SandboxContext, req: GraphRequest, rest: string[]): GraphResponse {
  if (req.method !== "GET") throw graphErrors.method();
  const org = {
    id: ctx.dir.tenant.id,
    deletedDateTime: null,
    displayName: ctx.dir.tenant.name,
    tenantType: "AAD",
    countryLetterCode: "US",
    verifiedDomains: [
      {
        capabilities: "Email, OfficeCommunicationsOnline",
        isDefault: true,
        isInitial: true,
        name: ctx.dir.tenant.domain,
        type: "Managed",
      },
    ],
  };
  if (rest.length === 1 && rest[0] === ctx.dir.tenant.id)
    return {
      status: 200,
      body: { "@odata.context": metadata(ctx, "organization/$entity"), ...select(org, req.query) },
    };
  if (rest.length > 0) throw graphErrors.notFound(rest[0] ?? "");
  return list(metadata(ctx, "organization"), [org], req);
}
