/**
 * Two-phase rotation in check and repair. Phase one adds a new credential (a secret for Boxafe 1.4,
 * a certificate made in this page for 1.5), proves it and shows it on the hand-over card; every old
 * one keeps working, so Boxafe never stops. Shown is not held: the new one counts unheld (its pending
 * mark) until the admin copies the secret, downloads the key or ticks that it is in Boxafe. Phase two ("Retire old credentials") stays disabled until
 * the admin says Boxafe holds the new one; core then proves it again and removes only older ones
 * boxafe-connect made.
 */
import type { BoxafeVersion, CredentialRow } from "@boxafe-connect/core";
import { boxafeCredentials, suggestedBoxafeVersion } from "@boxafe-connect/core";
import { createSignal, For, Show } from "solid-js";
import { Busy } from "../components/busy.js";
import type { CopyFn } from "../components/copy-field.js";
import type { HandOverValues } from "../components/hand-over-card.js";
import { HandOverCard } from "../components/hand-over-card.js";
import { verifySummary } from "../components/verify-results.js";
import type { ErrorAction } from "../error-view.js";
import { ErrorView } from "../error-view.js";
import { certificateValues } from "../wizard/view-model.js";
import type { Rotated } from "./rotation.js";
import type { Rotation } from "./use-rotation.js";

export function rotatedValues(rotated: Rotated, clientId: string, tenantId: string): HandOverValues {
  return rotated.kind === "secret"
    ? { clientId, tenantId, boxafe: "1.4", secret: { text: rotated.text, expiresOn: rotated.expiresOn } }
    : { clientId, tenantId, boxafe: "1.5", certificate: certificateValues(rotated.certificate, clientId) };
}

const VERSIONS: readonly { readonly version: BoxafeVersion; readonly label: string }[] = [
  { version: "1.5", label: "Boxafe 1.5 or later: a new certificate" },
  { version: "1.4", label: "Boxafe 1.4: a new client secret" },
];

export function RotationCard(props: {
  readonly clientId: string;
  readonly tenantId: string;
  readonly credentials: readonly CredentialRow[];
  readonly rotation: Rotation;
  readonly copy?: CopyFn | undefined;
  readonly onErrorAction: (action: ErrorAction) => void;
}) {
  const r = props.rotation;
  const [version, setVersion] = createSignal<BoxafeVersion>(suggestedBoxafeVersion(props.credentials));
  const busy = () => r.phase() === "working" || r.retirePhase() === "working";
  const what = () => (r.rotated()?.kind === "certificate" ? "certificate" : "secret");
  const canRetire = () => r.phase() === "done";
  return (
    <section class="card" aria-labelledby="rotation-title" data-testid="rotation">
      <h3 id="rotation-title">Rotate the credential</h3>
      <p class="lead">
        In two phases, so Boxafe never stops: <strong>Rotate</strong> adds a new credential, proves it and
        shows it here, and keeps every old one working. When Boxafe holds the new one,{" "}
        <strong>Retire old credentials</strong> removes the older ones boxafe-connect made (never one made by
        someone else).
      </p>
      <fieldset class="field" disabled={busy() || r.rotated() !== undefined}>
        <legend>Which Boxafe signs in with this app?</legend>
        <For each={VERSIONS}>
          {(v) => (
            <label class="choice">
              <input
                type="radio"
                name="rotation-version"
                value={v.version}
                checked={version() === v.version}
                onChange={() => setVersion(v.version)}
              />
              {v.label}
            </label>
          )}
        </For>
        <p class="hint">{boxafeCredentials(version()).summary}</p>
      </fieldset>
      <Show when={r.rotated() === undefined}>
        <div class="actions">
          <button type="button" class="primary" disabled={busy()} onClick={() => void r.rotate(version())}>
            Rotate: add a new {version() === "1.4" ? "secret" : "certificate"}
          </button>
        </div>
      </Show>
      <Busy
        text={
          r.phase() === "working"
            ? r.rotated()
              ? "Proving the new credential…"
              : "Adding and proving a new credential…"
            : r.retirePhase() === "working"
              ? `Proving the new ${what()}, then removing the old ones…`
              : undefined
        }
      />
      <Show when={r.error()}>
        {(error) => <ErrorView error={error()} onAction={props.onErrorAction} exclude={["check"]} />}
      </Show>
      <Show when={r.rotated()}>
        {(rotated) => (
          <div data-testid="rotated">
            <p class="callout ok" role="status" data-testid="rotate-done">
              New {what()} added. Every old one still works: Boxafe keeps backing up until you paste this one.
            </p>
            <HandOverCard
              values={rotatedValues(rotated(), props.clientId, props.tenantId)}
              copy={props.copy}
              onHeld={() => void r.markHeld()}
            />
            <Show when={r.verify()}>
              {(v) => (
                <p class={`callout ${v().note ? "" : "ok"}`} data-testid="rotation-proof">
                  {v().note ?? `Verified with real tokens: ${verifySummary(v().rows)}.`}
                </p>
              )}
            </Show>
            <div class="field">
              <label class="choice">
                <input
                  type="checkbox"
                  checked={r.saved()}
                  disabled={r.retirePhase() === "done"}
                  onChange={(e) => r.setSaved(e.currentTarget.checked)}
                />
                I have put the new {what()} in Boxafe (Edit domain) and it backs up
              </label>
            </div>
            <Show when={canRetire()}>
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  disabled={!r.saved() || busy() || r.retirePhase() === "done"}
                  aria-describedby="retire-hint"
                  onClick={() => void r.retire()}
                >
                  Retire old credentials
                </button>
              </div>
              <p class="hint" id="retire-hint">
                {r.saved()
                  ? `Proves the new ${what()} again, then removes only the older ${what()}s boxafe-connect made.`
                  : `Available once you have put the new ${what()} in Boxafe.`}
              </p>
            </Show>
          </div>
        )}
      </Show>
      <Show when={r.retired()}>
        {(done) => (
          <p class="callout ok" role="status" data-testid="retire-done">
            {done().removedKeyIds.length === 0
              ? `Nothing to retire: no older ${done().type} of boxafe-connect is left.`
              : `Retired ${done().removedKeyIds.length} old ${done().type}${done().removedKeyIds.length === 1 ? "" : "s"}. The new one (keyId ${done().provenKeyId}) is the one Boxafe uses now.`}
          </p>
        )}
      </Show>
    </section>
  );
}
