import { Show } from "solid-js";
import { CertificateDownloads } from "./certificate-downloads.js";
import type { CopyFn } from "./copy-field.js";
import { CopyField } from "./copy-field.js";

export interface HandOverValues {
  readonly clientId: string;
  readonly tenantId: string;
  /** Present only in the session that created it: shown once, never stored. */
  readonly secret?: { readonly text: string; readonly expiresOn: string };
  readonly certificate?: { readonly pem: string; readonly pfxBase64: string; readonly fileName: string };
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

/** The three values for Boxafe's "Add new Domain" window, each with a copy button. */
export function HandOverCard(props: { readonly values: HandOverValues; readonly copy?: CopyFn }) {
  return (
    <section class="card" aria-labelledby="handover-title" data-testid="hand-over-card">
      <h3 id="handover-title">Values for Boxafe's "Add new Domain" window</h3>
      <dl class="values">
        <CopyField
          label="Application (client) ID"
          value={props.values.clientId}
          testId="client-id"
          copy={props.copy}
        />
        <CopyField
          label="Directory (tenant) ID"
          value={props.values.tenantId}
          testId="tenant-id"
          copy={props.copy}
        />
        <Show
          when={props.values.secret}
          fallback={
            <div class="value">
              <dt>Client secret</dt>
              <dd>
                <span class="hint" data-testid="secret-absent">
                  No new secret in this session. An existing secret keeps working until it expires; create a
                  new one with "Repair" or <code>boxafe-connect secret rotate</code>.
                </span>
              </dd>
            </div>
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
          <CertificateDownloads
            files={{ pem: cert().pem, pfx: fromBase64(cert().pfxBase64), fileName: cert().fileName }}
          />
        )}
      </Show>
    </section>
  );
}
