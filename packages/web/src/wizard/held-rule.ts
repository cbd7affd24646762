/**
 * When the admin holds a new credential, for the setup hand-over and the rotation card alike. Shown
 * is not held: the value lives only in this page's memory and a reload loses it, so its pending mark
 * (core's `hand-over-marker.ts`) stays until the admin has it. Held means one of:
 * - the secret's value was copied (copying the client or tenant ID is not having the secret);
 * - a file with the private key was downloaded (PEM or PFX; the CER alone has no key);
 * - the admin says so ("I have saved the secret", "it is in Boxafe").
 * Until then a reload leaves the mark, and core's next read reviews the credential as unheld.
 */

/** A file the hand-over card offers for a certificate. */
export type HandOverFile = "pem" | "pfx" | "cer";

/** What the admin did on a hand-over card. */
export type HandOverAction =
  | { readonly kind: "copy"; readonly text: string }
  | { readonly kind: "download"; readonly file: HandOverFile }
  | { readonly kind: "confirm" };

/** True when `action` puts the new credential in the admin's hands (`secret`: the new secret shown, if any). */
export function holdsCredential(action: HandOverAction, secret: string | undefined): boolean {
  switch (action.kind) {
    case "copy":
      return secret !== undefined && action.text === secret;
    case "download":
      return action.file !== "cer";
    case "confirm":
      return true;
  }
}
