import type { KeptCertificate } from "@boxafe-connect/core";
import { Show } from "solid-js";
import { keptCertificateText, keptNotRun } from "../wizard/kept-certificate.js";

/**
 * The certificate core kept on a walk again (Boxafe 1.5): held elsewhere, nothing made or added, the
 * proofs not run. A new one is the admin's explicit choice (core's newCertificate), never a re-run's.
 */
export function KeptCertificatePanel(props: {
  readonly kept: KeptCertificate;
  readonly onNewCertificate?: (() => void) | undefined;
}) {
  return (
    <div class="callout" role="note" data-testid="certificate-kept">
      <h3>Certificate kept: held elsewhere</h3>
      <p>{keptCertificateText(props.kept)}</p>
      <p>Verification and workload proof {keptNotRun.message}: its private key is not in this page.</p>
      <Show when={props.onNewCertificate}>
        {(onNew) => (
          <div class="actions">
            <button type="button" onClick={() => onNew()()}>
              Make a new certificate
            </button>
          </div>
        )}
      </Show>
      <p class="hint">
        A new certificate is added beside this one and handed over here; retire the old one in Check or repair
        once Boxafe uses the new one.
      </p>
    </div>
  );
}
