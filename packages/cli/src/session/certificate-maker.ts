/**
 * Core's certificate maker port in Node: a self-signed certificate from @boxafe-connect/certs (WebCrypto) with
 * a PFX protected by BOXAFE_PFX_PASSWORD or a generated password (shown once). Private parts are
 * redacted from every log line as soon as they exist.
 */
import { randomBytes } from "node:crypto";
import { type CreatedCertificate, makeCertificate as makeSelfSigned } from "@boxafe-connect/certs";
import type { CertificateMaker } from "@boxafe-connect/core";
import type { Io } from "../target/resolve-target.js";

export interface MadeCertificate extends CreatedCertificate {
  readonly pfxPassword: string;
  /** True when we generated the password (it must be shown once). */
  readonly generatedPassword: boolean;
}

export function certificateMaker(io: Io): CertificateMaker<MadeCertificate> {
  return {
    async make(request) {
      const given = io.env.BOXAFE_PFX_PASSWORD;
      const pfxPassword = given && given !== "" ? given : randomBytes(18).toString("base64url");
      io.out.redactor.protect(pfxPassword);
      const created = await makeSelfSigned(globalThis.crypto, { ...request, pfxPassword });
      io.out.redactor.protect(created.privateKeyPem);
      return { ...created, pfxPassword, generatedPassword: !given };
    },
  };
}
