import { createMemo, onCleanup } from "solid-js";

/** The certificate as files: made in this page, handed over as object URLs, never uploaded. */
export interface CertificateFiles {
  /** Certificate and private key, PEM. */
  readonly pem: string;
  readonly pfx: Uint8Array;
  readonly fileName: string;
}

function blobUrl(data: BlobPart, type: string): string {
  return URL.createObjectURL(new Blob([data], { type }));
}

export function CertificateDownloads(props: { readonly files: CertificateFiles }) {
  const pemUrl = createMemo(() => blobUrl(props.files.pem, "application/x-pem-file"));
  const pfxUrl = createMemo(() =>
    blobUrl(new Uint8Array(props.files.pfx) as Uint8Array<ArrayBuffer>, "application/x-pkcs12"),
  );
  onCleanup(() => {
    URL.revokeObjectURL(pemUrl());
    URL.revokeObjectURL(pfxUrl());
  });
  return (
    <div class="actions" data-testid="certificate-downloads">
      <a class="button" href={pemUrl()} download={`${props.files.fileName}.pem`}>
        Download certificate and private key (PEM)
      </a>
      <a class="button" href={pfxUrl()} download={`${props.files.fileName}.pfx`}>
        Download certificate with private key (PFX)
      </a>
    </div>
  );
}
