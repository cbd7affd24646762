import { createSignal, Show } from "solid-js";
import type { ErrorAction, ErrorInfo } from "../error-view.js";
import { ErrorView } from "../error-view.js";
import type { Phase } from "../steps/types.js";
import type { HandOverFile } from "../wizard/held-rule.js";
import { Busy } from "./busy.js";
import type { CertificateFiles } from "./certificate-downloads.js";
import { CertificateDownloads } from "./certificate-downloads.js";

export interface CertificateMade extends CertificateFiles {
  readonly thumbprint: string;
  readonly notAfter: string;
}

/**
 * "Create a certificate": a PFX password (required), then the key pair is made in this browser,
 * the public part added to the app, and the PEM and PFX offered as downloads.
 */
export function CertificatePanel(props: {
  readonly phase: Phase;
  /** False until the step may add credentials (the app exists and the step is ready). */
  readonly enabled: boolean;
  readonly error?: ErrorInfo | undefined;
  readonly made?: CertificateMade | undefined;
  readonly onCreate: (pfxPassword: string) => void;
  /** A file was downloaded (whether that holds the key is ../wizard/held-rule.ts's call). */
  readonly onDownload?: ((file: HandOverFile) => void) | undefined;
  readonly onErrorAction: (action: ErrorAction) => void;
}) {
  const [password, setPassword] = createSignal("");
  const [invalid, setInvalid] = createSignal(false);
  const create = () => {
    if (password() === "") {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    props.onCreate(password());
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    create();
  };
  return (
    <div class={`callout ${props.made ? "ok" : ""}`} data-testid="certificate-panel">
      <h3>{props.made ? "Certificate added" : "Create a certificate"}</h3>
      <Show
        when={props.made}
        fallback={
          <form onSubmit={submit} noValidate>
            <p>
              SharePoint REST app-only access needs a certificate. This page makes one in your browser and
              adds its public part to the app; the private key stays here and goes only into the files you
              download.
            </p>
            <div class="field">
              <label for="pfx-password">Password for the PFX file</label>
              <input
                id="pfx-password"
                type="password"
                required
                autocomplete="new-password"
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                aria-invalid={invalid()}
                aria-describedby="pfx-password-hint"
              />
              <p class="hint" id="pfx-password-hint" role="status">
                {invalid()
                  ? "Choose a password for the PFX file."
                  : "Boxafe asks for it when you upload the PFX. It is not stored."}
              </p>
            </div>
            <Show when={props.phase === "error" && props.error}>
              {(error) => (
                <ErrorView
                  error={error()}
                  // "Try again" makes a new certificate with the password still in the form.
                  onAction={(action) => (action === "retry" ? create() : props.onErrorAction(action))}
                  exclude={["check"]}
                />
              )}
            </Show>
            <div class="actions">
              <button type="submit" class="primary" disabled={!props.enabled || props.phase === "working"}>
                Create a certificate
              </button>
            </div>
            <Busy
              text={
                props.phase === "working"
                  ? "Creating the certificate in this browser and adding it to the app…"
                  : undefined
              }
            />
          </form>
        }
      >
        {(made) => (
          <div data-testid="certificate-made">
            <p>
              Added to the app: thumbprint{" "}
              <code data-testid="certificate-thumbprint">{made().thumbprint}</code>, valid until{" "}
              {made().notAfter.slice(0, 10)}. Download the files now: the private key is in this page only and
              is gone when you leave it.
            </p>
            <CertificateDownloads files={made()} onDownload={props.onDownload} />
          </div>
        )}
      </Show>
    </div>
  );
}
