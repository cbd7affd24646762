import type { ErrorCode } from "@boxafe-connect/core";
import { For, Show } from "solid-js";

/** What the page offers after an error; the app decides what each one does. */
export type ErrorAction = "retry" | "sign-in" | "back" | "check" | "start-over";

export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly requestId?: string;
}

interface ErrorGuide {
  readonly title: string;
  /** What to do next, in the admin's words. */
  readonly next: string;
  readonly actions: readonly ErrorAction[];
}

const actionLabel: Record<ErrorAction, string> = {
  retry: "Try again",
  "sign-in": "Sign in again",
  back: "Go back",
  check: "Check the app",
  "start-over": "Start over",
};

/** One entry per error code: the only place the web UI turns an error into words and buttons. */
export const errorGuides: Record<ErrorCode, ErrorGuide> = {
  invalid_input: {
    title: "Check the value you entered",
    next: "Correct the highlighted field; nothing was changed.",
    actions: ["back"],
  },
  invalid_profile: {
    title: "The permission profile is not valid",
    next: "Fix the profile named below, then start again.",
    actions: ["start-over"],
  },
  unknown_permission: {
    title: "A permission in the profile is unknown",
    next: "Remove or correct the permission named below; nothing was changed.",
    actions: ["start-over"],
  },
  insufficient_role: {
    title: "Your account cannot grant these permissions",
    next: "Sign in with a Global Administrator or Privileged Role Administrator of this tenant, or ask one to run this setup.",
    actions: ["sign-in"],
  },
  preflight_failed: {
    title: "A tenant rule stops this setup",
    next: "Nothing was written. The review step lists the failing check and its fix; fix it and sign in again.",
    actions: ["sign-in"],
  },
  access_denied: {
    title: "Microsoft 365 refused the request",
    next: "The signed-in account lacks a role or consent for this change. Sign in with a Global Administrator and try again.",
    actions: ["sign-in", "retry"],
  },
  token_expired: {
    title: "Your sign-in has expired",
    next: "Sign in again; the setup continues where it stopped.",
    actions: ["sign-in"],
  },
  sign_in_failed: {
    title: "Sign-in did not complete",
    next: "Sign in again with an administrator of the tenant you want to connect to Boxafe.",
    actions: ["sign-in"],
  },
  invalid_client_credentials: {
    title: "The app's credentials were rejected",
    next: "The client secret is wrong or has expired. Repair the app to create a new secret.",
    actions: ["check", "retry"],
  },
  not_found: {
    title: "Not found",
    next: "Check the tenant or Application (client) ID and try again.",
    actions: ["back", "retry"],
  },
  throttled: {
    title: "Microsoft 365 is busy",
    next: "Wait a minute and try again; finished steps are kept.",
    actions: ["retry"],
  },
  replication_timeout: {
    title: "Microsoft 365 is still copying the new app",
    next: "New objects take a while to appear everywhere. Try again in a minute; the setup finishes the remaining steps.",
    actions: ["retry"],
  },
  secret_lifetime_too_long: {
    title: "The tenant's policy limits secret lifetime",
    next: "Choose a shorter secret lifetime and try again.",
    actions: ["back"],
  },
  secrets_not_allowed: {
    title: "The tenant does not allow client secrets",
    next: "Use a certificate instead: run `boxafe-connect setup --certificate` from the command line.",
    actions: ["back"],
  },
  graph_request_failed: {
    title: "A Microsoft Graph request failed",
    next: "Try again; finished steps are kept and nothing is duplicated.",
    actions: ["retry"],
  },
  unreachable: {
    title: "Microsoft 365 could not be reached",
    next: "Check the network connection and try again.",
    actions: ["retry"],
  },
  verification_incomplete: {
    title: "Some permissions are not active yet",
    next: "Consent can take a few minutes to reach every service. Verify again shortly; if one stays missing, repair the app.",
    actions: ["retry", "check"],
  },
  invalid_transition: {
    title: "That step is not available now",
    next: "Start over from the first step.",
    actions: ["start-over"],
  },
  unsafe_operation: {
    title: "Stopped to keep the app working",
    next: "Read the reason below; nothing was changed.",
    actions: ["back"],
  },
  method_not_allowed: {
    title: "The API does not take that request",
    next: "This page sent a request method the API does not serve; reload the page and try again.",
    actions: ["retry"],
  },
  payload_too_large: {
    title: "The request was too large",
    next: "Send a smaller profile.",
    actions: ["back"],
  },
  unauthenticated: { title: "You are not signed in", next: "Sign in to continue.", actions: ["sign-in"] },
  internal_error: {
    title: "Something went wrong on our side",
    next: "Try again; if it repeats, report the request ID below.",
    actions: ["retry"],
  },
};

export function ErrorView(props: {
  readonly error: ErrorInfo;
  readonly onAction: (action: ErrorAction) => void;
  /** Actions this screen cannot offer (e.g. "check" inside the check view itself). */
  readonly exclude?: readonly ErrorAction[];
}) {
  const guide = () => errorGuides[props.error.code];
  const actions = () => guide().actions.filter((a) => !props.exclude?.includes(a));
  return (
    <div class="callout error" role="alert" data-testid="error-view" data-code={props.error.code}>
      <h3>{guide().title}</h3>
      <p>{guide().next}</p>
      <p class="hint">
        {props.error.message}
        <Show when={props.error.field}> (field: {props.error.field})</Show>
        <Show when={props.error.requestId}>
          {" "}
          Request ID: <code>{props.error.requestId}</code>
        </Show>
      </p>
      <div class="actions">
        <For each={actions()}>
          {(action, i) => (
            <button
              type="button"
              class={i() === 0 ? "primary" : undefined}
              onClick={() => props.onAction(action)}
            >
              {actionLabel[action]}
            </button>
          )}
        </For>
      </div>
    </div>
  );
}
