/** sharepoint flags -> core's certificate request (or the app request of --legacy-appinv). */
import type { CertificateUseCaseRequest } from "@boxafe-connect/core";
import { certificateUseCaseRequestSchema, parseRequest } from "@boxafe-connect/core";
import type { FlagValues } from "./flag-values.js";
import { numberOrText, text } from "./flag-values.js";

export function certificateRequestOf(values: FlagValues): CertificateUseCaseRequest {
  const input = {
    appId: text(values, "app-id"),
    displayName: text(values, "app-name"),
    certificateDays: numberOrText(text(values, "cert-days")),
  };
  return parseRequest(
    certificateUseCaseRequestSchema,
    Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
  );
}
