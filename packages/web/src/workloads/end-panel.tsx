/**
 * The last card's two parts: the EWS step (allow / print / skip, as the CLI asks; allow signs in to
 * Exchange Online by device code on the page's server) and the proof of each workload by a real call.
 * The words of the end are core's readiness; nothing here decides what works.
 */
import type { EwsMode } from "@boxafe-connect/core";
import { createSignal, For, Show } from "solid-js";
import { Busy } from "../components/busy.js";
import { ReadinessCard } from "../components/readiness-card.js";
import type { ErrorAction } from "../error-view.js";
import { ErrorView } from "../error-view.js";
import type { ProofCredential } from "./prove-client.js";
import type { EndTarget, Workloads } from "./use-workloads.js";

export function EndPanel(props: {
  readonly workloads: Workloads;
  readonly target: EndTarget;
  readonly credential: ProofCredential | undefined;
  /** The page's server can write the allow list (ewsApi is configured). */
  readonly canAllow: boolean;
  readonly onErrorAction: (action: ErrorAction) => void;
}) {
  const w = props.workloads;
  const [mode, setMode] = createSignal<EwsMode>(props.canAllow ? "allow" : "print");
  const [confirm, setConfirm] = createSignal(false);
  const signingIn = () => {
    const v = w.ews();
    return v.phase === "signing-in" ? v : undefined;
  };
  const ewsDone = () => {
    const v = w.ews();
    return v.phase === "done" ? v : undefined;
  };
  const ewsError = () => {
    const v = w.ews();
    return v.phase === "error" ? v.error : undefined;
  };
  const proofDone = () => {
    const v = w.proof();
    return v.phase === "done" ? v.result : undefined;
  };
  const proofError = () => {
    const v = w.proof();
    return v.phase === "error" ? v.error : undefined;
  };
  const busy = () => w.ews().phase === "signing-in" || w.proof().phase === "working";
  const go = () => void w.run(mode(), props.target, props.credential, confirm());
  const option = (value: EwsMode, label: string, hint: string) => (
    <label class="choice">
      <input
        type="radio"
        name="ews-mode"
        value={value}
        checked={mode() === value}
        onChange={() => setMode(value)}
        disabled={busy()}
      />{" "}
      {label} <span class="hint">({hint})</span>
    </label>
  );
  return (
    <div class="end-panel" data-testid="end-panel">
      <h3 id="ews-heading">Exchange Web Services (mail, calendars, contacts)</h3>
      <p>
        Since 2026-10-01 Exchange Online lets only the apps on the organization's EWS allow list use EWS,
        which Boxafe backs up mail, calendars and contacts with (EWS shuts down on 2027-04-01). Put Boxafe on
        the list?
      </p>
      <fieldset aria-labelledby="ews-heading">
        <Show when={props.canAllow}>
          {option(
            "allow",
            "Yes, do it now",
            "sign in to Exchange Online as an Exchange or Global Administrator",
          )}
        </Show>
        {option("print", "Show me the PowerShell", "I will run it myself")}
        {option("skip", "Skip", "mail backup stays blocked")}
      </fieldset>
      <Show when={mode() === "allow"}>
        <label class="choice">
          <input
            type="checkbox"
            checked={confirm()}
            onChange={(e) => setConfirm(e.currentTarget.checked)}
            disabled={busy()}
          />{" "}
          If the new list would leave other apps without EWS, write it anyway (confirmEwsChange)
        </label>
      </Show>
      <div class="actions">
        <button type="button" class="primary" onClick={go} disabled={busy()}>
          {w.proof().phase === "idle" ? "Continue" : "Run this step again"}
        </button>
      </div>
      <Show when={signingIn()}>
        {(v) => (
          <div class="callout" data-testid="ews-device-code">
            <Show when={v().code} fallback={<Busy text="Starting the sign-in…" />}>
              {(code) => (
                <>
                  <p>
                    Sign in to Exchange Online: open{" "}
                    <a href={code().verificationUri} target="_blank" rel="noopener noreferrer">
                      {code().verificationUri}
                    </a>{" "}
                    and enter the code <code data-testid="ews-user-code">{code().userCode}</code>. Use an
                    Exchange Administrator or Global Administrator account. The Exchange token stays on this
                    page's server for this one change and is then dropped.
                  </p>
                  <Busy text="Waiting for the sign-in…" />
                </>
              )}
            </Show>
          </div>
        )}
      </Show>
      <Show when={ewsError()}>{(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}</Show>
      <Show when={ewsDone()}>
        {(v) => (
          <div
            // Skipped is not done: no green "ok" for a step that left mail backup blocked.
            class={v().result.needsConfirmation || v().mode === "skip" ? "callout" : "callout ok"}
            data-testid="ews-result"
          >
            <Show when={v().mode === "skip"}>
              <p data-testid="ews-skipped">
                Skipped: nothing was written. Mail, calendar and contacts backup stays blocked until Boxafe is
                on the EWS allow list (<code>boxafe-connect ews allow</code>, or "Show me the PowerShell"
                above).
              </p>
            </Show>
            <Show when={v().mode === "allow"}>
              <p data-testid="ews-outcome">
                {v().result.needsConfirmation
                  ? "Nothing was written: the new list would block other apps that use EWS today. Tick the box above and run the step again to write it anyway."
                  : v().result.outcome === "unchanged"
                    ? "Boxafe was already on the EWS allow list."
                    : "The EWS allow list now has Boxafe (read, merged and written whole, then read back)."}
              </p>
              <ul>
                <For each={[...v().result.effects, ...v().result.notes]}>{(line) => <li>{line}</li>}</For>
              </ul>
            </Show>
            <Show when={v().mode !== "skip"}>
              <p>The same in Exchange Online PowerShell (read, merge, write):</p>
              <pre data-testid="ews-powershell" tabindex="0">
                {v().result.powershell}
              </pre>
            </Show>
          </div>
        )}
      </Show>
      <h3>Each workload, proven by a real call as the app</h3>
      <Show
        when={props.credential}
        fallback={
          <p class="hint">
            This page holds no credential of the app (it did not make one in this tab), so it cannot prove the
            workloads: <code>boxafe-connect verify --app-id {props.target.clientId}</code> does.
          </p>
        }
      >
        <p class="hint">
          {props.credential?.kind === "certificate"
            ? "The page signs one short-lived client assertion per service with the certificate's private key, which never leaves this page; only the assertions go to this page's proof service, which asks Entra for the tokens and calls Graph, SharePoint and EWS."
            : "The client secret goes once to this page's proof service, which asks Entra for the tokens and calls Graph, SharePoint and EWS; it is stored nowhere."}
        </p>
      </Show>
      <Busy text={w.proof().phase === "working" ? "Proving each workload by a real call…" : undefined} />
      <Show when={proofDone()}>{(result) => <ReadinessCard readiness={result().readiness} />}</Show>
      <Show when={proofError()}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} />}
      </Show>
      <Show when={props.credential && (w.proof().phase === "done" || w.proof().phase === "error")}>
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              const credential = props.credential;
              const ewsAllowed = ewsDone()?.result.ewsAllowed ?? false;
              if (credential) void w.prove(props.target, credential, ewsAllowed);
            }}
            disabled={busy()}
          >
            Prove again
          </button>
        </div>
      </Show>
    </div>
  );
}
