/**
 * The wire contract of the page's EWS "allow" (`POST /api/ews/allow`, `GET /api/ews/allow/{id}`):
 * what the page sends and what its Node server (server/ews-allow.ts) answers. Types only and free of
 * DOM types, so both the page (ews-client.ts) and the server (typechecked without DOM through
 * tsconfig.start.json) import this one declaration.
 */

/** POST body: which app, on which tenant, and whether a change that blocks other apps is confirmed. */
export interface EwsAllowRequest {
  readonly tenantId: string;
  readonly initialDomain: string;
  readonly appId: string;
  readonly confirmEwsChange: boolean;
}

/** POST answer: the device code the admin enters at the verification URL. */
export interface EwsDeviceCode {
  readonly id: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly expiresIn: number;
}

/** What the page is shown of a finished step: core's result in words, tenant strings escaped (by the server). */
export interface EwsAllowView {
  readonly ewsAllowed: boolean;
  readonly needsConfirmation: boolean;
  readonly outcome: string;
  readonly effects: readonly string[];
  readonly notes: readonly string[];
  readonly powershell: string;
}

/** GET answer while the admin signs in, and once the step ran. */
export type EwsPoll =
  | { readonly state: "waiting" }
  | { readonly state: "done"; readonly result: EwsAllowView }
  | { readonly state: "failed"; readonly error: { readonly code: string; readonly message: string } };
