/**
 * The public names of core/requests (src/index.ts re-exports them all; add a new export here): use
 * case requests: zod schemas, fields and the adapters' front ends.
 */

export type { AppRequest, RemoveRequest } from "./app-request.js";
export { appRequestSchema, removeRequestSchema } from "./app-request.js";
export type {
  CertificateRetireRequest,
  CertificateRotateRequest,
  CertificateUseCaseRequest,
} from "./certificate-request.js";
export {
  certificateRetireRequestSchema,
  certificateRotateRequestSchema,
  certificateUseCaseRequestSchema,
} from "./certificate-request.js";
export type { EwsRequest, EwsRequestInput } from "./ews-request.js";
export { ewsRequestSchema } from "./ews-request.js";
export {
  appIdField,
  appNameField,
  boxafeVersionField,
  certificateDaysField,
  profileField,
  secretEndDateField,
  secretLifetimeDaysField,
  secretNameField,
  sharePointTenantField,
  tenantIdField,
} from "./fields.js";
export type { ApiSetupBody, WebSetupForm } from "./front-ends.js";
export {
  apiSetupBodySchema,
  NAMED_PROFILES,
  setupRequestFromApiBody,
  setupRequestFromWebForm,
} from "./front-ends.js";
export { parseRequest } from "./parse-request.js";
export type { ProveRequest, ProveRequestInput } from "./prove-request.js";
export { proveInput, proveRequestSchema } from "./prove-request.js";
export type { RetireRequest, RotateRequest } from "./rotate-request.js";
export { retireRequestSchema, rotateRequestSchema } from "./rotate-request.js";
export type { SetupRequest, SetupRequestInput } from "./setup-request.js";
export { setupRequestFields, setupRequestSchema } from "./setup-request.js";
export type { VerifyRequest } from "./verify-request.js";
export { credentialField, verifyRequestSchema } from "./verify-request.js";
export type { WebAppRequest } from "./web-app-request.js";
export {
  DEFAULT_WEB_APP_NAME,
  DEFAULT_WEB_REDIRECT_URI,
  webAppRequestSchema,
} from "./web-app-request.js";
