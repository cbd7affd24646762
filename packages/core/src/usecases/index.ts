/**
 * The public names of core/usecases (src/index.ts re-exports them all; add a new export here): use
 * cases: the jobs adapters call, their ports and events.
 */

export { appKeyOf, appLabel } from "./app-key.js";
export type { CertificateOutcome, CertificatePorts } from "./certificate.js";
export { addCertificate, sharePointValues } from "./certificate.js";
export type { CertificateRetireOutcome, CertificateRetirePorts } from "./certificate-retire.js";
export { retireCertificatesSelf } from "./certificate-retire.js";
export type { CertificateRotateOutcome, CertificateRotatePorts } from "./certificate-rotate.js";
export { retireCertificateSelf, rotateCertificate } from "./certificate-rotate.js";
export type { CheckResult } from "./check.js";
export { check } from "./check.js";
export type {
  CertificateChoice,
  CertificateSource,
  ChosenCertificate,
  KeptCertificate,
} from "./choose-certificate.js";
export { chooseCertificate, keptCertificateOf, sharePointCertificateOf } from "./choose-certificate.js";
export type { CertificateRow, CredentialList, SecretRow } from "./credentials.js";
export { listCredentials, observeApp, requireApp } from "./credentials.js";
export type { Emit, Task, UseCaseEvent } from "./events.js";
export { silent } from "./events.js";
export type {
  EwsAllowOutcome,
  EwsAllowRequest,
  EwsAllowResult,
  EwsDeps,
  EwsPolicyState,
  EwsStatusResult,
  EwsTarget,
} from "./ews.js";
export { ewsAllow, ewsStatus } from "./ews.js";
export type { EwsStepResult } from "./ews-step.js";
export { runEwsStep } from "./ews-step.js";
export type { PendingHandOver } from "./hand-over.js";
export { handedOver } from "./hand-over.js";
export type { KeptCertificateWords } from "./kept-certificate-words.js";
export { KEPT_NOT_RUN, keptCertificateWords } from "./kept-certificate-words.js";
export type {
  AdminPorts,
  CertificateMaker,
  HandOverPort,
  MadeCertificate,
  NewCredential,
  ProofPorts,
} from "./ports.js";
export type { ObserveOptions, PlanExtras, Prepared } from "./prepare.js";
export { observeTenant, permissionsOf, prepare, replan, secretLifetimeOf } from "./prepare.js";
export type { RemoveOutcome } from "./remove.js";
export { remove } from "./remove.js";
export type { RetireOutcome } from "./retire.js";
export { retire } from "./retire.js";
export type { RotateOptions, RotateOutcome, RotatePorts } from "./rotate.js";
export { rotate } from "./rotate.js";
export type { Applied, SetupOptions, SetupPorts, SetupResult } from "./setup.js";
export { applyPrepared, proofCredential, setup, sharePointNameOf } from "./setup.js";
export type { ProofInput, VerifyResult } from "./verify-app.js";
export { prove, verifyApp } from "./verify-app.js";
export { registerWebUi } from "./web-app.js";
export type { WorkloadInput, WorkloadPorts, WorkloadResult } from "./workloads.js";
export { proveApp } from "./workloads.js";
