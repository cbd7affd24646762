/** @module @boxafe-connect/core: pure logic, no I/O; ports are injected. */

export type { BoxafeCredentials, BoxafeVersion, HandOverField } from "./boxafe/version.js";
export {
  boxafeCredentials,
  boxafeVersions,
  DEFAULT_BOXAFE_VERSION,
  DEFAULT_BOXAFE_VERSION_REASON,
  parseBoxafeVersion,
} from "./boxafe/version.js";
export {
  advisories,
  advisoriesFor,
  advisoryAction,
  advisoryMarker,
  isRetired,
} from "./catalog/advisories.js";
export type { AdvisoryNote } from "./catalog/advisory-notes.js";
export { advisoryNotes } from "./catalog/advisory-notes.js";
export { graphMailPermissions } from "./catalog/graph-mail-permissions.js";
export { findPermission, permissionById, permissionKey, sameRef } from "./catalog/lookup.js";
export { permissions } from "./catalog/permissions.js";
export type {
  AdvisoryView,
  PermissionsView,
  PermissionsViewOptions,
  PermissionView,
  ResourceView,
} from "./catalog/permissions-view.js";
export { permissionsView } from "./catalog/permissions-view.js";
export {
  findResource,
  isResourceKey,
  resourceByAppId,
  resourceByKey,
  resources,
} from "./catalog/resources.js";
export type {
  Advisory,
  AdvisoryId,
  Permission,
  PermissionKind,
  PermissionRef,
  Profile,
  Resource,
  ResourceKey,
} from "./catalog/types.js";
export type { CloudEndpoints, CloudName } from "./clouds.js";
export { cloudEndpoints, cloudNames, isCloudName, sandboxEndpoints, sharePointTenantName } from "./clouds.js";
export type { CertificateRequest } from "./credentials/certificate-option.js";
export { certificateOption, certificateRequestFor } from "./credentials/certificate-option.js";
export type { CredentialRow, ExpiryWarning } from "./credentials/credential-rows.js";
export {
  credentialRows,
  EXPIRY_WARNING_DAYS,
  expiryWarning,
  isOurCertificate,
} from "./credentials/credential-rows.js";
export { credentialIn } from "./credentials/credential-shapes.js";
export {
  isUnheldKey,
  isUnheldSecret,
  PENDING_TAG_PREFIX,
  pendingIds,
  runIdOfSecretName,
} from "./credentials/hand-over-marker.js";
export type { SecretLifetime, SecretLifetimeDays } from "./credentials/secret-lifetime.js";
export {
  parseSecretLifetime,
  secretLifetimes,
  shorterLifetime,
} from "./credentials/secret-lifetime.js";
export {
  CREDENTIAL_GRACE_MS,
  certificateDisplayName,
  DEFAULT_APP_NAME,
  DEFAULT_CERTIFICATE_DAYS,
  DEFAULT_RENEW_WITHIN_DAYS,
  DEFAULT_SECRET_DAYS,
  DEFAULT_SECRET_NAME,
  DEFAULT_VERIFY_DEADLINE_SECONDS,
  MAX_CERTIFICATE_DAYS,
  renewWithinDaysFor,
} from "./defaults.js";
export type { NewSecret } from "./engine/add-password.js";
export type { AdminScope } from "./engine/admin-scopes.js";
export { ADMIN_SCOPES, adminScopes } from "./engine/admin-scopes.js";
export type { ApplyResult, EngineDeps } from "./engine/apply.js";
export { apply } from "./engine/apply.js";
export type { HandOverInput, HandOverResult } from "./engine/confirm-hand-over.js";
export { confirmHandOver } from "./engine/confirm-hand-over.js";
export type { DriftReport } from "./engine/drift.js";
export { checkDrift } from "./engine/drift.js";
export { findApplication, requireApplication } from "./engine/find-application.js";
export type { AddKeyOutcome, ProofClaims, ProofSigner } from "./engine/key-rollover.js";
export { PROOF_AUDIENCE, proofClaims } from "./engine/key-rollover.js";
export type { ObservedWithOrganization, Organization } from "./engine/observe.js";
export { observe } from "./engine/observe.js";
export { graphAudience } from "./engine/prove-credential.js";
export type { RemoveOptions, RemoveResult } from "./engine/remove-application.js";
export { removeApplication } from "./engine/remove-application.js";
export type { RetireDeps, RetireInput, RetireResult } from "./engine/retire-credentials.js";
export { retireCredentials } from "./engine/retire-credentials.js";
export type { RoleCheck } from "./engine/role-check.js";
export { checkRole, directoryRoles, requireAdmin } from "./engine/role-check.js";
export type { RotateDeps, RotateInput, RotateResult } from "./engine/rotate-secret.js";
export { rotateSecret } from "./engine/rotate-secret.js";
export type { WebAppInput, WebAppResult } from "./engine/web-app.js";
export { checkRedirectUris, registerWebApp, WEB_APP_SCOPES } from "./engine/web-app.js";
export type { CoreErrorOptions } from "./errors.js";
export { CoreError, ErrorCode, isCoreError } from "./errors.js";
export type { ExchangeAdminTarget } from "./exchange/admin-api.js";
export {
  EXCHANGE_POWERSHELL_CLIENT_ID,
  exchangeAdminScope,
  invokeCmdlet,
  printable,
} from "./exchange/admin-api.js";
export type { EwsChange, EwsWrite } from "./exchange/ews-change.js";
export { planEwsAllow } from "./exchange/ews-change.js";
export type { EwsMode } from "./exchange/ews-mode.js";
export { DEFAULT_EWS_MODE, ewsModes, parseEwsMode } from "./exchange/ews-mode.js";
export type { EwsPolicy } from "./exchange/ews-policy.js";
export { parseEwsPolicy, policyAllows } from "./exchange/ews-policy.js";
export { ewsPowerShell } from "./exchange/ews-powershell.js";
export type { EwsProbe } from "./exchange/ews-probe.js";
export { classifyGetFolder, EWS_PROOF_USER_AGENT, getFolderRequest } from "./exchange/ews-probe.js";
export type { CredentialStore } from "./fleet/credential-store.js";
export { storedCertificates } from "./fleet/credential-store.js";
export type { AppSession, FleetCheckPorts, FleetCheckSummary } from "./fleet/fleet-check.js";
export { fleetCheck } from "./fleet/fleet-check.js";
export type { FleetEntry, FleetFileError, FleetFileResult } from "./fleet/fleet-file.js";
export { fleetEntries, formatFleetFileErrors, parseFleetFile } from "./fleet/fleet-file.js";
export type { FleetRotateOptions, FleetRotatePorts, RotateRow, RotateStatus } from "./fleet/fleet-rotate.js";
export { fleetRotate } from "./fleet/fleet-rotate.js";
export type {
  ConnectedTenant,
  FleetEvent,
  FleetSetupOptions,
  FleetSetupPorts,
  FleetSetupSummary,
  FleetTenantStatus,
} from "./fleet/fleet-setup.js";
export { fleetSetup } from "./fleet/fleet-setup.js";
export type { FleetStage, FleetState, FleetStateParse, FleetTenantRecord } from "./fleet/fleet-state.js";
export { emptyFleetState, fleetKey, parseFleetState } from "./fleet/fleet-state.js";
export type { Light, Problem, ProblemKind, TenantHealth } from "./fleet/tenant-health.js";
export { AMBER_DAYS, RED_DAYS } from "./fleet/tenant-health.js";
export type { GraphDeps, RetryBudget, RunOptions, RunRequest, RunResult } from "./graph/batch-runner.js";
export { runRequests, startBudget } from "./graph/batch-runner.js";
export type { CountingGraphPort, GraphStats } from "./graph/counting-port.js";
export { countingGraphPort } from "./graph/counting-port.js";
export type { GraphErrorInfo, Outcome, RequestTraits } from "./graph/graph-error.js";
export { classifyResponse, errorForResponse, parseGraphError } from "./graph/graph-error.js";
export type { GraphMethod, GraphPort, GraphRequest, GraphResponse } from "./graph/port.js";
export { MAX_BATCH_SIZE } from "./graph/port.js";
export type { RetryPolicy } from "./graph/retry-policy.js";
export { backoffMs, defaultRetryPolicy, retryPolicy } from "./graph/retry-policy.js";
export type { GraphSdkClient, GraphSdkRequest } from "./graph/sdk-port.js";
export { graphPortFromClient } from "./graph/sdk-port.js";
export { GraphTransportError, isGraphTransportError } from "./graph/transport-error.js";
export type { Clock, ProgressEvent, ProgressSink, Random, RuntimePorts, Sleep } from "./ports.js";
export { chooseCredentials } from "./preflight/credential-choice.js";
export type { PreflightDeps, PreflightRequest } from "./preflight/preflight.js";
export { PREFLIGHT_SCOPES, preflight } from "./preflight/preflight.js";
export type {
  CheckId,
  CheckStatus,
  CredentialChoice,
  CredentialRules,
  PreflightCheck,
  PreflightResult,
  WantedCredentials,
} from "./preflight/types.js";
export { CHECK_IDS, CHECK_STATUSES } from "./preflight/types.js";
export { boxafeProfile } from "./profiles/boxafe.js";
export { boxafeGraphMailProfile, builtInProfile, builtInProfiles } from "./profiles/boxafe-graph-mail.js";
export type { ParseProfileResult, ProfileIssue } from "./profiles/parse-profile.js";
export { formatProfileIssues, parseProfile, parseProfileJson } from "./profiles/parse-profile.js";
export type { ResolveOptions } from "./profiles/resolve-profile.js";
export { resolveProfile } from "./profiles/resolve-profile.js";
export type { AppRequest, RemoveRequest } from "./requests/app-request.js";
export { appRequestSchema, removeRequestSchema } from "./requests/app-request.js";
export type { CertificateRotateRequest, CertificateUseCaseRequest } from "./requests/certificate-request.js";
export {
  certificateRotateRequestSchema,
  certificateUseCaseRequestSchema,
} from "./requests/certificate-request.js";
export type { EwsRequest, EwsRequestInput } from "./requests/ews-request.js";
export { ewsRequestSchema } from "./requests/ews-request.js";
export {
  appIdField,
  appNameField,
  certificateDaysField,
  profileField,
  secretEndDateField,
  secretLifetimeDaysField,
  secretNameField,
  sharePointTenantField,
  tenantIdField,
} from "./requests/fields.js";
export type { ApiSetupBody, WebSetupForm } from "./requests/front-ends.js";
export {
  apiSetupBodySchema,
  NAMED_PROFILES,
  setupRequestFromApiBody,
  setupRequestFromWebForm,
} from "./requests/front-ends.js";
export { parseRequest } from "./requests/parse-request.js";
export type { RetireRequest, RotateRequest } from "./requests/rotate-request.js";
export { retireRequestSchema, rotateRequestSchema } from "./requests/rotate-request.js";
export type { SetupRequest, SetupRequestInput } from "./requests/setup-request.js";
export { setupRequestFields, setupRequestSchema } from "./requests/setup-request.js";
export type { VerifyRequest } from "./requests/verify-request.js";
export { credentialField, verifyRequestSchema } from "./requests/verify-request.js";
export type { WebAppRequest } from "./requests/web-app-request.js";
export {
  DEFAULT_WEB_APP_NAME,
  DEFAULT_WEB_REDIRECT_URI,
  webAppRequestSchema,
} from "./requests/web-app-request.js";
export type { SharePointAppInv } from "./sharepoint/app-inv.js";
export {
  APP_PERMISSION_REQUEST_XML,
  SHAREPOINT_ACS_ADVISORY,
  sharePointAppInv,
} from "./sharepoint/app-inv.js";
export { finishedApplySteps } from "./steps/apply-progress.js";
export { availableEvents, userEvents } from "./steps/available.js";
export type { Driver, UpFrontAnswers } from "./steps/drive.js";
export { answersUpFront, driveSteps } from "./steps/drive.js";
export type { WizardEvent, WizardEventType } from "./steps/events.js";
export { USER_EVENTS, wizardEventSchema } from "./steps/events.js";
export type { InitialOptions } from "./steps/machine.js";
export { initialState, runningPhaseOf, transition } from "./steps/machine.js";
export type { RailEntry, StepStatus } from "./steps/progress-rail.js";
export { progressRail, workPerStep } from "./steps/progress-rail.js";
export { resumeState } from "./steps/resume.js";
export type { ApplyOutcome, EffectHandlers, VerifyOutcome } from "./steps/run-effect.js";
export { runEffect } from "./steps/run-effect.js";
export type { SavedSetup, SavedSetupParse } from "./steps/saved-setup.js";
export { parseSavedSetup, serializeSavedSetup } from "./steps/saved-setup.js";
export type {
  Effect,
  ErrorInfo as WizardErrorInfo,
  Phase as WizardPhase,
  SharePointMode,
  WizardState,
} from "./steps/schema.js";
export {
  effectSchema,
  PHASES,
  planSummarySchema,
  sharePointModeSchema,
  wizardStateSchema,
} from "./steps/schema.js";
export type { ParseStateResult } from "./steps/serialize.js";
export { parseState, serializeState } from "./steps/serialize.js";
export type { SessionHost, SessionOptions, SessionPorts, SetupSession } from "./steps/setup-session.js";
export { createSetupSession } from "./steps/setup-session.js";
export type { ApplyStep, StepId, StepInfo } from "./steps/steps.js";
export { APPLY_STEPS, STEP_IDS, steps, WAVE_STEPS } from "./steps/steps.js";
export { advisoryFindings } from "./tenant/advisory-findings.js";
export type { ConsentCounts } from "./tenant/consent-counts.js";
export { consentCounts } from "./tenant/consent-counts.js";
export type { PlanSummary } from "./tenant/describe.js";
export { ACTION_TYPES, describeAction, summarizePlan } from "./tenant/describe.js";
export { desired, desiredFrom } from "./tenant/desired.js";
export type * from "./tenant/model.js";
export type { PermissionStatus, PermissionStatusRow } from "./tenant/permission-status.js";
export { PERMISSION_STATUSES, permissionStatuses } from "./tenant/permission-status.js";
export { plan } from "./tenant/plan.js";
export { joinScopes, sortScopes, splitScopes } from "./tenant/scopes.js";
export { hasLiveSecretOfOurs, isOurSecret, markedSecretName, SECRET_MARKER } from "./tenant/secrets.js";
export { UNIQUE_NAME_PREFIX, uniqueNameFor } from "./tenant/unique-name.js";
export { appKeyOf, appLabel } from "./usecases/app-key.js";
export type { CertificateOutcome, CertificatePorts } from "./usecases/certificate.js";
export { addCertificate, sharePointValues } from "./usecases/certificate.js";
export type { CertificateRotateOutcome, CertificateRotatePorts } from "./usecases/certificate-rotate.js";
export { retireCertificateSelf, rotateCertificate } from "./usecases/certificate-rotate.js";
export type { CheckResult } from "./usecases/check.js";
export { check } from "./usecases/check.js";
export type { CertificateRow, CredentialList, SecretRow } from "./usecases/credentials.js";
export { listCredentials, observeApp, requireApp } from "./usecases/credentials.js";
export type { Emit, Task, UseCaseEvent } from "./usecases/events.js";
export { silent } from "./usecases/events.js";
export type {
  EwsAllowOutcome,
  EwsAllowRequest,
  EwsAllowResult,
  EwsDeps,
  EwsPolicyState,
  EwsStatusResult,
  EwsTarget,
} from "./usecases/ews.js";
export { ewsAllow, ewsStatus } from "./usecases/ews.js";
export type { EwsStepResult } from "./usecases/ews-step.js";
export { runEwsStep } from "./usecases/ews-step.js";
export type { PendingHandOver } from "./usecases/hand-over.js";
export { handedOver } from "./usecases/hand-over.js";
export type {
  AdminPorts,
  CertificateMaker,
  HandOverPort,
  MadeCertificate,
  NewCredential,
  ProofPorts,
} from "./usecases/ports.js";
export type { PlanExtras, Prepared } from "./usecases/prepare.js";
export { permissionsOf, prepare, replan, secretLifetimeOf } from "./usecases/prepare.js";
export type { RemoveOutcome } from "./usecases/remove.js";
export { remove } from "./usecases/remove.js";
export type { RetireOutcome } from "./usecases/retire.js";
export { retire } from "./usecases/retire.js";
export type { RotateOutcome, RotatePorts } from "./usecases/rotate.js";
export { rotate } from "./usecases/rotate.js";
export type { Applied, SetupOptions, SetupPorts, SetupResult } from "./usecases/setup.js";
export { applyPrepared, proofCredential, setup, sharePointNameOf } from "./usecases/setup.js";
export type { ProofInput, VerifyResult } from "./usecases/verify-app.js";
export { prove, verifyApp } from "./usecases/verify-app.js";
export { registerWebUi } from "./usecases/web-app.js";
export type { WorkloadInput, WorkloadPorts, WorkloadResult } from "./usecases/workloads.js";
export { proveApp } from "./usecases/workloads.js";
export { isDomainName, isGuid, MAX_APP_NAME_LENGTH, validateAppName, validateTenantId } from "./validate.js";
export { audienceFor } from "./verify/audiences.js";
export { canReadDirectory, DIRECTORY_READER_ROLES } from "./verify/directory-readers.js";
export type { AppTokenPort, AppTokenRequest, ClientCredential, DelegatedTokenPort } from "./verify/port.js";
export type { TokenFailure, TokenVerdict, TokenWait } from "./verify/token-response.js";
export {
  classifyTokenFailure,
  retryAfterHeaderSeconds,
  tokenError,
  tokenErrorWait,
  tokenFailureFromBody,
  tokenFailureFromMsal,
} from "./verify/token-response.js";
export type {
  TokenCheck,
  VerificationItem,
  VerificationReport,
  VerificationStatus,
  VerifyDeps,
  VerifyInput,
} from "./verify/verify.js";
export { verify } from "./verify/verify.js";
export type { HttpPort, HttpRequest, HttpResponse } from "./workloads/http-port.js";
export type {
  WorkloadKey,
  WorkloadProof,
  WorkloadProofDeps,
  WorkloadProofRequest,
  WorkloadReport,
  WorkloadState,
} from "./workloads/prove-workloads.js";
export { proveWorkloads } from "./workloads/prove-workloads.js";
export type { Readiness } from "./workloads/readiness.js";
export { readiness, WORKLOAD_NAMES } from "./workloads/readiness.js";
export type { UnprovenInput } from "./workloads/unproven.js";
export { unprovenReport } from "./workloads/unproven.js";
