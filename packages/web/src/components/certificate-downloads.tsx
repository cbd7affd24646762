import { createMemo, onCleanup, Show } from "solid-js";
import type { HandOverFile } from "../wizard/held-rule.js";

/** The certificate as files: made in this page, handed over as object URLs, never uploaded. */
export interface CertificateFiles {
  /** Certificate and private key, PEM. */
  readonly pem: string;
  readonly pfx: Uint8Array;
  /** The certificate alone, DER (a .cer file), when the hand-over offers it (Boxafe 1.5). */
  readonly cer?: Uint8Array | undefined;
  readonly fileName: string;
}

function blobUrl(data: BlobPart, type: string): string {
  return URL.createObjectURL(new Blob([data], { type }));
}

export function CertificateDownloads(props: {
  readonly files: CertificateFiles;
  /** A file was downloaded (whether that holds the key is ../wizard/held-rule.ts's call). */
  readonly onDownload?: ((file: HandOverFile) => void) | undefined;
}) {
  const pemUrl = createMemo(() => blobUrl(props.files.pem, "application/x-pem-file"));
  const pfxUrl = createMemo(() =>
    blobUrl(new Uint8Array(props.files.pfx) as Uint8Array<ArrayBuffer>, "application/x-pkcs12"),
  );
  const cerUrl = createMemo(() => {
    const cer = props.files.cer;
    return cer ? blobUrl(new Uint8Array(cer) as Uint8Array<ArrayBuffer>, "application/pkix-cert") : undefined;
  });
  onCleanup(() => {
    URL.revokeObjectURL(pemUrl());
    URL.revokeObjectURL(pfxUrl());
    const cer = cerUrl();
    if (cer) URL.revokeObjectURL(cer);
  });
  return (
    <div class="actions" data-testid="certificate-downloads">
      <a
        class="button"
        href={pemUrl()}
        download={`${props.files.fileName}.pem`}
        onClick={() => props.onDownload?.("pem")}
      >
        Download certificate and private key (PEM)
      </a>
      <a
        class="button"
        href={pfxUrl()}
        download={`${props.files.fileName}.pfx`}
        onClick={() => props.onDownload?.("pfx")}
      >
        Download certificate with private key (PFX)
      </a>
      <Show when={cerUrl()}>
        {(url) => (
          <a
            class="button"
            href={url()}
            download={`${props.files.fileName}.cer`}
            onClick={() => props.onDownload?.("cer")}
          >
            Download certificate only (CER)
          </a>
        )}
      </Show>
    </div>
  );
}
