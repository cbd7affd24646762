/** Test fixtures for the step machine: one sample event of every type and states in every phase. */
import type { WizardEvent, WizardEventType } from "./events.js";
import { initialState, transition } from "./machine.js";
import type { PlanSummaryState, WizardState } from "./schema.js";

export const TENANT = "9b1c2d3e-4f50-4a6b-8c7d-0e1f2a3b4c5d";
export const CLIENT = "11111111-2222-4333-8444-555555555555";

const zeroCounts = {
  "upsert-resource-service-principal": 0,
  "upsert-application": 0,
  "upsert-service-principal": 0,
  "add-password": 0,
  "remove-password": 0,
  "add-certificate": 0,
  "assign-app-role": 0,
  "remove-app-role-assignment": 0,
  "create-grant": 0,
  "update-grant": 0,
};

export const FRESH_PLAN: PlanSummaryState = {
  total: 26,
  counts: {
    ...zeroCounts,
    "upsert-application": 1,
    "upsert-service-principal": 1,
    "add-password": 1,
    "assign-app-role": 20,
    "create-grant": 3,
  },
  actions: ['Register or update app "QNAP Boxafe"'],
  findings: [],
};
export const EMPTY_PLAN: PlanSummaryState = { total: 0, counts: zeroCounts, actions: [], findings: [] };
/** Only consent is missing: register/add-permissions/create-secret have nothing to do. */
export const CONSENT_PLAN: PlanSummaryState = {
  total: 23,
  counts: { ...zeroCounts, "assign-app-role": 20, "create-grant": 3 },
  actions: [],
  findings: [],
};

const err = { code: "graph_request_failed" as const, message: "Graph failed; retry." };

export const SAMPLE_EVENTS: Readonly<Record<WizardEventType, WizardEvent>> = {
  "sign-in.start": { type: "sign-in.start" },
  "sign-in.again": { type: "sign-in.again" },
  "app.choose-new": { type: "app.choose-new", displayName: "QNAP Boxafe" },
  "app.choose-existing": { type: "app.choose-existing", appId: CLIENT },
  "app.change": { type: "app.change" },
  "plan.confirm": { type: "plan.confirm" },
  "verify.retry": { type: "verify.retry" },
  "verify.continue": { type: "verify.continue" },
  "secret.shown": { type: "secret.shown" },
  "sharepoint.start": { type: "sharepoint.start" },
  "sharepoint.confirm": { type: "sharepoint.confirm" },
  finish: { type: "finish" },
  retry: { type: "retry" },
  cancel: { type: "cancel" },
  "sign-in.done": { type: "sign-in.done", username: "admin@contoso.onmicrosoft.com", tenantId: TENANT },
  "sign-in.failed": {
    type: "sign-in.failed",
    error: { code: "sign_in_failed", message: "Sign-in was cancelled; sign in again." },
  },
  "role.done": { type: "role.done", roles: ["Global Administrator"] },
  "role.failed": {
    type: "role.failed",
    error: { code: "insufficient_role", message: "Sign in as a Global Administrator." },
  },
  "observe.done": { type: "observe.done", plan: FRESH_PLAN },
  "observe.failed": { type: "observe.failed", error: err },
  "apply.progress": { type: "apply.progress", step: "register-app" },
  "apply.done": {
    type: "apply.done",
    clientId: CLIENT,
    secret: "new",
    secretExpiresOn: "2027-05-26T12:00:00.000Z",
  },
  "apply.failed": { type: "apply.failed", error: err },
  "verify.progress": { type: "verify.progress", granted: 10, total: 26 },
  "verify.done": {
    type: "verify.done",
    complete: true,
    granted: 24,
    pending: 0,
    missing: 0,
    unverifiable: 2,
    total: 26,
  },
  "verify.failed": { type: "verify.failed", error: err },
  "sharepoint.ready": {
    type: "sharepoint.ready",
    url: "https://contoso-admin.sharepoint.com/_layouts/15/appinv.aspx",
  },
  "sharepoint.failed": { type: "sharepoint.failed", error: err },
};

/** Feeds events in order, failing loudly when one is rejected. */
export function drive(state: WizardState, events: readonly WizardEvent[]): WizardState {
  return events.reduce((current, event) => {
    const [next] = transition(current, event);
    if (next.rejected !== undefined) throw new Error(`fixture: ${next.rejected.reason}`);
    return next;
  }, state);
}

const e = SAMPLE_EVENTS;
export const initial = (): WizardState => initialState({ sharepoint: true });
const start = initial();
const signingIn = drive(start, [e["sign-in.start"]]);
const checkingRole = drive(signingIn, [e["sign-in.done"]]);
const chooseApp = drive(checkingRole, [e["role.done"]]);
const observing = drive(chooseApp, [e["app.choose-new"]]);
const review = drive(observing, [e["observe.done"]]);
const applying = drive(review, [e["plan.confirm"]]);
const verifying = drive(applying, [e["apply.done"]]);
const verifyIncomplete = drive(verifying, [
  { ...e["verify.done"], complete: false, granted: 20, pending: 4 } as WizardEvent,
]);
const handOverSecret = drive(verifying, [e["verify.done"]]);
const handOver = drive(handOverSecret, [e["secret.shown"]]);
const preparingSharepoint = drive(handOver, [e["sharepoint.start"]]);
const sharepoint = drive(preparingSharepoint, [e["sharepoint.ready"]]);

/** One representative state per phase (two for hand-over: before and after the secret is shown). */
export const STATES = {
  start,
  signingIn,
  checkingRole,
  chooseApp,
  observing,
  review,
  applying,
  verifying,
  verifyIncomplete,
  handOverSecret,
  handOver,
  preparingSharepoint,
  sharepoint,
  done: drive(sharepoint, [e["sharepoint.confirm"]]),
  cancelled: drive(review, [e.cancel]),
  errorRole: drive(checkingRole, [e["role.failed"]]),
  errorApply: drive(applying, [e["apply.progress"], e["apply.failed"]]),
  errorSharepoint: drive(preparingSharepoint, [e["sharepoint.failed"]]),
} satisfies Record<string, WizardState>;
