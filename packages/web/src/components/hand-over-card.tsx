import type { BoxafeVersion, HandOverField } from "@boxafe-connect/core";
import { boxafeCredentials } from "@boxafe-connect/core";
import type { JSX } from "solid-js";
import { For, Match, Show, Switch } from "solid-js";
import { type HandOverAction, holdsCredential } from "../wizard/held-rule.js";
import { CertificateDownloads } from "./certificate-downloads.js";
import type { CopyFn } from "./copy-field.js";
import { CopyField, clipboardCopy } from "./copy-field.js";

export interface HandOverValues {
  readonly clientId: string;
  readonly tenantId: string;
  /** The version the admin chose; absent (check and repair): the 1.4 values, as before. */
  readonly boxafe?: BoxafeVersion;
  /** Present only in the session that created it: shown once, never stored. */
  readonly secret?: { readonly text: string; readonly expiresOn: string };
  readonly certificate?: {
    readonly pem: string;
    readonly pfxBase64: string;
    readonly fileName: string;
    /** The PFX's password, which Boxafe 1.5's Add new Domain window asks for beside the file. */
    readonly pfxPassword?: string;
    /** The certificate alone (DER), offered as a .cer download. */
    readonly derBase64?: string;
    readonly notAfter?: string;
  };
  /** The app's certificate core kept (handed over earlier): nothing to download here. */
  readonly keptThumbprint?: string;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The values for Boxafe's "Add new Domain" window, in the order the chosen version asks for them. */
export function HandOverCard(props: {
  readonly values: HandOverValues;
  readonly copy?: CopyFn | undefined;
  /** The admin has the new credential, by ../wizard/held-rule.ts (shown is not held). */
  readonly onHeld?: (() => void) | undefined;
}) {
  const acted = (action: HandOverAction) => {
    if (holdsCredential(action, props.values.secret?.text)) props.onHeld?.();
  };
  const copy: CopyFn = async (text) => {
    await (props.copy ?? clipboardCopy)(text);
    acted({ kind: "copy", text });
  };
  const version = () => props.values.boxafe ?? "1.4";
  const fields = (): readonly HandOverField[] => boxafeCredentials(version()).handOver;
  return (
    <section class="card" aria-labelledby="handover-title" data-testid="hand-over-card">
      <h3 id="handover-title">Values for Boxafe's "Add new Domain" window</h3>
      <Show when={props.values.boxafe}>
        <p class="hint" data-testid="hand-over-version">
          {boxafeCredentials(version()).summary}
        </p>
      </Show>
      <dl class="values">
        <For each={fields()}>
          {(field) => (
            <Switch>
              <Match when={field === "clientId"}>
                <CopyField
                  label="Application (client) ID"
                  value={props.values.clientId}
                  testId="client-id"
                  copy={copy}
                />
              </Match>
              <Match when={field === "tenantId"}>
                <CopyField
                  label="Directory (tenant) ID"
                  value={props.values.tenantId}
                  testId="tenant-id"
                  copy={copy}
                />
              </Match>
              <Match when={field === "clientSecret"}>
                <SecretFields values={props.values} copy={copy} />
              </Match>
              <Match when={field === "certificate"}>
                <CertificateFields values={props.values} copy={copy} />
              </Match>
            </Switch>
          )}
        </For>
      </dl>
      <Show when={props.values.secret}>
        <div class="callout" role="note" data-testid="secret-warning">
          <h3>Copy the client secret now</h3>
          <p>
            It is shown only once. It is not stored anywhere, and after you leave or reload this page it
            cannot be shown again: you would have to create a new one. Put a reminder in your calendar before
            it expires on {formatDate(props.values.secret?.expiresOn ?? "")}.
          </p>
        </div>
      </Show>
      <Show when={props.values.certificate}>
        {(cert) => (
          <>
            <Show when={version() === "1.5"}>
              <div class="callout" role="note" data-testid="certificate-warning">
                <h3>Download the PFX now</h3>
                <p>
                  The private key was made in this page and exists nowhere else: after you leave or reload
                  this page it cannot be downloaded again. Keep the PFX and its password together.
                </p>
              </div>
            </Show>
            <CertificateDownloads
              files={{
                pem: cert().pem,
                pfx: fromBase64(cert().pfxBase64),
                cer: cert().derBase64 === undefined ? undefined : fromBase64(cert().derBase64 ?? ""),
                fileName: cert().fileName,
              }}
              onDownload={(file) => acted({ kind: "download", file })}
            />
          </>
        )}
      </Show>
    </section>
  );
}

/** A value row saying why there is nothing to copy (no secret or no certificate in this session). */
function AbsentValue(props: {
  readonly label: string;
  readonly testId: string;
  readonly children: JSX.Element;
}) {
  return (
    <div class="value">
      <dt>{props.label}</dt>
      <dd>
        <span class="hint" data-testid={props.testId}>
          {props.children}
        </span>
      </dd>
    </div>
  );
}

function SecretFields(props: { readonly values: HandOverValues; readonly copy?: CopyFn | undefined }) {
  return (
    <Show
      when={props.values.secret}
      fallback={
        <AbsentValue label="Client secret" testId="secret-absent">
          No new secret in this session. An existing secret keeps working until it expires; create a new one
          with "Repair" or <code>boxafe-connect secret rotate</code>.
        </AbsentValue>
      }
    >
      {(secret) => (
        <>
          <CopyField
            label="Client secret value"
            value={secret().text}
            testId="client-secret"
            copy={props.copy}
          />
          <CopyField
            label="Client secret expires"
            value={formatDate(secret().expiresOn)}
            testId="secret-expiry"
            copy={props.copy}
          />
        </>
      )}
    </Show>
  );
}

function CertificateFields(props: { readonly values: HandOverValues; readonly copy?: CopyFn | undefined }) {
  return (
    <Show
      when={props.values.certificate}
      fallback={
        <Show
          when={props.values.keptThumbprint}
          fallback={
            <AbsentValue label="Certificate" testId="certificate-absent">
              No certificate was made in this session: add one with{" "}
              <code>boxafe-connect sharepoint --certificate</code>, which hands over the PFX and its password.
            </AbsentValue>
          }
        >
          {(thumbprint) => (
            <AbsentValue label="Certificate" testId="certificate-held">
              Held elsewhere: the app's certificate {thumbprint()} from an earlier setup stays in use (see
              below).
            </AbsentValue>
          )}
        </Show>
      }
    >
      {(cert) => (
        <>
          <Show when={cert().pfxPassword}>
            {(password) => (
              <CopyField label="PFX password" value={password()} testId="pfx-password" copy={props.copy} />
            )}
          </Show>
          <Show when={cert().notAfter}>
            {(notAfter) => (
              <CopyField
                label="Certificate expires"
                value={formatDate(notAfter())}
                testId="certificate-expiry"
                copy={props.copy}
              />
            )}
          </Show>
        </>
      )}
    </Show>
  );
}
