/** Defensive readers from Graph JSON bodies into the model's shapes (unknown in, typed out). */
import type {
  KeyCredential,
  ObservedApplication,
  ObservedAssignment,
  ObservedGrant,
  PasswordCredential,
  RequiredResourceAccess,
} from "../tenant/model.js";

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
export function s(value: unknown): string {
  return typeof value === "string" ? value : "";
}
function sn(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function values(body: unknown): unknown[] {
  return arr(obj(body).value);
}

export function readPassword(value: unknown): PasswordCredential {
  const p = obj(value);
  return {
    keyId: s(p.keyId),
    displayName: sn(p.displayName),
    startDateTime: s(p.startDateTime),
    endDateTime: s(p.endDateTime),
    hint: sn(p.hint),
  };
}

export function readKey(value: unknown): KeyCredential {
  const k = obj(value);
  return {
    keyId: s(k.keyId),
    displayName: sn(k.displayName),
    type: s(k.type),
    usage: s(k.usage),
    startDateTime: s(k.startDateTime),
    endDateTime: s(k.endDateTime),
    key: sn(k.key),
    customKeyIdentifier: sn(k.customKeyIdentifier),
  };
}

function readAccess(value: unknown): RequiredResourceAccess {
  const r = obj(value);
  return {
    resourceAppId: s(r.resourceAppId),
    resourceAccess: arr(r.resourceAccess).map((a) => {
      const e = obj(a);
      return { id: s(e.id), type: e.type === "Scope" ? "Scope" : "Role" };
    }),
  };
}

export function readApplication(body: unknown): ObservedApplication {
  const a = obj(body);
  return {
    id: s(a.id),
    appId: s(a.appId),
    uniqueName: sn(a.uniqueName),
    displayName: s(a.displayName),
    signInAudience: s(a.signInAudience),
    requiredResourceAccess: arr(a.requiredResourceAccess).map(readAccess),
    passwordCredentials: arr(a.passwordCredentials).map(readPassword),
    keyCredentials: arr(a.keyCredentials).map(readKey),
    tags: arr(a.tags).filter((t): t is string => typeof t === "string"),
  };
}

export function readAssignment(value: unknown): ObservedAssignment {
  const a = obj(value);
  return {
    id: s(a.id),
    principalId: s(a.principalId),
    resourceId: s(a.resourceId),
    appRoleId: s(a.appRoleId),
  };
}

export function readGrant(value: unknown): ObservedGrant {
  const g = obj(value);
  return {
    id: s(g.id),
    clientId: s(g.clientId),
    resourceId: s(g.resourceId),
    consentType: g.consentType === "Principal" ? "Principal" : "AllPrincipals",
    principalId: sn(g.principalId),
    scope: s(g.scope),
  };
}
