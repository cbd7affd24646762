/**
 * @module @boxafe-connect/certs: the self-signed app certificate (X.509 + PKCS#8 + PFX) on any
 * WebCrypto, with no node:* import, so the CLI (Node) and the web page (the browser) make it with
 * the same code and the page's private key never leaves the page.
 */

export type { ClientAssertionRequest } from "./client-assertion.js";
export { signClientAssertion } from "./client-assertion.js";
export type { CertificateOptions, CreatedCertificate, WebCrypto } from "./make-certificate.js";
export { makeCertificate } from "./make-certificate.js";
export { pfxFromPem } from "./pfx-from-pem.js";
export type { PfxContents } from "./read-pfx.js";
export { PfxError, readPfx } from "./read-pfx.js";
