/**
 * How the API body and the web form become the same SetupRequest the CLI's flags map to. One
 * contract, three shapes at the edges:
 *
 * - `apiSetupBodySchema` is the API's POST /v1/plan, /v1/setup and /v1/preflight body derived from
 *   `setupRequestFields` (a profile by name, as the API serves only named profiles); those routes'
 *   handlers call `setupRequestFromApiBody` (packages/api/src/routes/). Their OpenAPI document still
 *   describes the body with the API's own `SetupBodySchema` (api/src/schemas/setup.ts), which
 *   validates first; this schema decides the request.
 * - `setupRequestFromWebForm` is what the web wizard's choose-app and secret fields produce; the
 *   page's review calls it before core's review (packages/web/src/wizard/effect-handlers.ts).
 *
 * The same-request test (packages/cli/src/requests/same-request.test.ts) sends one request through
 * the CLI mapping and both of these and compares the plans.
 */
import { z } from "zod";
import type { BoxafeVersion } from "../boxafe/version.js";
import type { Profile } from "../catalog/types.js";
import { boxafeProfile } from "../profiles/boxafe.js";
import type { AppKey } from "../tenant/model.js";
import { parseRequest } from "./parse-request.js";
import type { SetupRequest } from "./setup-request.js";
import { setupRequestFields, setupRequestSchema } from "./setup-request.js";

/** The profiles an HTTP caller may name (custom JSON profiles are a CLI feature). */
export const NAMED_PROFILES: Readonly<Record<"boxafe", Profile>> = { boxafe: boxafeProfile };

export const apiSetupBodySchema = setupRequestFields
  .pick({
    appId: true,
    displayName: true,
    skipRetired: true,
    removeExtra: true,
    secretLifetimeDays: true,
  })
  .extend({
    profile: z
      .enum(["boxafe"])
      .default("boxafe")
      .meta({ description: "Named permission set; boxafe = Table 1 of the Boxafe guide." }),
  });

export type ApiSetupBody = z.input<typeof apiSetupBodySchema>;

export function setupRequestFromApiBody(body: unknown): SetupRequest {
  const { profile, ...rest } = parseRequest(apiSetupBodySchema, body);
  return parseRequest(setupRequestSchema, { ...rest, profile: NAMED_PROFILES[profile] });
}

/** The web wizard's answers: the app chosen (new by name, or adopted by id) and the secret prompts. */
export interface WebSetupForm {
  readonly appKey: AppKey;
  readonly displayName?: string;
  readonly secretName?: string;
  readonly secretDays?: number;
  /** The page's Boxafe question (boxafe/version.ts): 1.5 makes a certificate, 1.4 a secret. */
  readonly boxafe?: BoxafeVersion;
  /** The admin asked for a new certificate instead of keeping the app's (core's newCertificate). */
  readonly newCertificate?: boolean;
}

export function setupRequestFromWebForm(form: WebSetupForm): SetupRequest {
  return parseRequest(setupRequestSchema, {
    ...("appId" in form.appKey ? { appId: form.appKey.appId } : {}),
    ...(form.displayName === undefined ? {} : { displayName: form.displayName }),
    ...(form.secretName === undefined ? {} : { secretName: form.secretName }),
    ...(form.secretDays === undefined ? {} : { secretLifetimeDays: form.secretDays }),
    ...(form.boxafe === undefined ? {} : { boxafe: form.boxafe }),
    ...(form.newCertificate === undefined ? {} : { newCertificate: form.newCertificate }),
  });
}
