import type { BoxafeVersion } from "@boxafe-connect/core";
import {
  boxafeCredentials,
  boxafeVersions,
  DEFAULT_BOXAFE_VERSION,
  DEFAULT_BOXAFE_VERSION_REASON,
  DEFAULT_SECRET_DAYS,
  isCoreError,
  isGuid,
  secretLifetimes,
  validateAppName,
} from "@boxafe-connect/core";
import { createSignal, For, Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { StepHeading } from "../components/step-heading.js";
import { ErrorView } from "../error-view.js";
import type { StepBase } from "./types.js";

interface CredentialChoice {
  readonly secretDays: number;
  /** Which Boxafe takes the values: 1.5 (and later) a certificate, 1.4 a secret. */
  readonly boxafe: BoxafeVersion;
}

export type AppChoice =
  | ({ readonly mode: "new"; readonly displayName: string } & CredentialChoice)
  | ({ readonly mode: "existing"; readonly appId: string } & CredentialChoice);

const versionLabels: Readonly<Record<BoxafeVersion, string>> = {
  "1.4": "Boxafe 1.4: client ID, tenant ID and a client secret",
  "1.5": "Boxafe 1.5 or later: tenant ID, client ID and a certificate",
};

function lifetimeLabel(days: number): string {
  return days % 365 === 0
    ? `${days / 365} year${days === 365 ? "" : "s"} (${days} days)`
    : `${Math.round(days / 30)} months (${days} days)`;
}

/** Guide steps 3-5: a new app registration, or adopt one that exists (by its Application ID). */
export function ChooseAppStep(
  props: StepBase & {
    readonly defaultName: string;
    /** core's inputError (a bad name or appId caught by the step machine). */
    readonly inputError?: { readonly field: string; readonly message: string } | undefined;
    readonly onSubmit: (choice: AppChoice) => void;
  },
) {
  const [mode, setMode] = createSignal<"new" | "existing">("new");
  const [name, setName] = createSignal(props.defaultName);
  const [appId, setAppId] = createSignal("");
  const [days, setDays] = createSignal<number>(DEFAULT_SECRET_DAYS);
  const [version, setVersion] = createSignal<BoxafeVersion>(DEFAULT_BOXAFE_VERSION);
  const [localInvalid, setInvalid] = createSignal<{ field: string; message: string }>();
  const invalid = () => localInvalid() ?? props.inputError;

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setInvalid(undefined);
    if (mode() === "existing") {
      const id = appId().trim();
      if (!isGuid(id)) {
        setInvalid({ field: "appId", message: "Enter the Application (client) ID: a GUID like 1f2e3d4c-…" });
        return;
      }
      props.onSubmit({ mode: "existing", appId: id, secretDays: days(), boxafe: version() });
      return;
    }
    try {
      props.onSubmit({
        mode: "new",
        displayName: validateAppName(name()),
        secretDays: days(),
        boxafe: version(),
      });
    } catch (error) {
      setInvalid({ field: "displayName", message: isCoreError(error) ? error.message : "Enter a name." });
    }
  };

  return (
    <section class="card" aria-labelledby="step-heading">
      <StepHeading>Choose the app registration</StepHeading>
      <p class="lead">
        Boxafe signs in to Microsoft 365 as an app registration. Create one (recommended), or keep using one
        you made by hand: it is completed, never duplicated.
      </p>
      <form onSubmit={submit} novalidate>
        <fieldset>
          <legend>App registration</legend>
          <label class="choice">
            <input
              type="radio"
              name="mode"
              value="new"
              checked={mode() === "new"}
              onChange={() => setMode("new")}
            />
            Create or update the app by name
          </label>
          <label class="choice">
            <input
              type="radio"
              name="mode"
              value="existing"
              checked={mode() === "existing"}
              onChange={() => setMode("existing")}
            />
            Use an existing app (Application ID)
          </label>
        </fieldset>
        <Show
          when={mode() === "new"}
          fallback={
            <div class="field">
              <label for="app-id">Application (client) ID</label>
              <input
                id="app-id"
                type="text"
                value={appId()}
                onInput={(e) => setAppId(e.currentTarget.value)}
                aria-invalid={invalid()?.field === "appId"}
                aria-describedby="app-id-error"
                autocomplete="off"
                spellcheck={false}
              />
              <p class="hint" id="app-id-error" role="status">
                {invalid()?.field === "appId" ? invalid()?.message : ""}
              </p>
            </div>
          }
        >
          <div class="field">
            <label for="display-name">Display name</label>
            <input
              id="display-name"
              type="text"
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              aria-invalid={invalid()?.field === "displayName"}
              aria-describedby="display-name-hint"
            />
            <p class="hint" id="display-name-hint" role="status">
              {invalid()?.field === "displayName"
                ? invalid()?.message
                : "Shown in Entra ID under App registrations."}
            </p>
          </div>
        </Show>
        <fieldset aria-describedby="boxafe-version-hint">
          <legend>Which Boxafe will use this app?</legend>
          <For each={boxafeVersions}>
            {(v) => (
              <label class="choice">
                <input
                  type="radio"
                  name="boxafe"
                  value={v}
                  checked={version() === v}
                  onChange={() => setVersion(v)}
                />
                {versionLabels[v]}
                {v === DEFAULT_BOXAFE_VERSION ? " (default)" : ""}
              </label>
            )}
          </For>
          <p class="hint" id="boxafe-version-hint" data-testid="boxafe-version-hint">
            {DEFAULT_BOXAFE_VERSION_REASON} {boxafeCredentials(version()).summary}
            {version() === "1.5" ? " The key pair is made in this browser and never leaves it." : ""}
          </p>
        </fieldset>
        <Show when={boxafeCredentials(version()).secret}>
          <div class="field">
            <label for="secret-days">Client secret expires after</label>
            <select
              id="secret-days"
              value={String(days())}
              onChange={(e) => setDays(Number(e.currentTarget.value))}
            >
              <For each={secretLifetimes}>{(d) => <option value={String(d)}>{lifetimeLabel(d)}</option>}</For>
            </select>
            <p class="hint">Backups stop when the secret expires; the check view warns you beforehand.</p>
          </div>
        </Show>
        <Show when={props.phase === "error" && props.error}>
          {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
        </Show>
        <div class="actions">
          <button type="submit" class="primary" disabled={props.phase === "working"}>
            Review the changes
          </button>
        </div>
        <Busy text={props.phase === "working" ? "Reading the tenant…" : undefined} />
      </form>
    </section>
  );
}
