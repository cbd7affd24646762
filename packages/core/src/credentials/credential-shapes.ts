/**
 * What a credential looks like in text, for files that must never hold one (a saved setup state):
 * such a file is refused, not read, so a state edited or written by another tool cannot smuggle a
 * secret into a run, and a secret that leaked into it is noticed. The shapes are Microsoft's:
 * a client secret's text has the 3-character prefix + digit + "Q~" form the portal and addPassword
 * return (learn.microsoft.com/graph/api/resources/passwordcredential: `secretText`); tokens are
 * JWTs (learn.microsoft.com/entra/identity-platform/access-tokens); keys are PEM (RFC 7468).
 */

const SHAPES: readonly { readonly what: string; readonly shape: RegExp }[] = [
  { what: "a private key (PEM)", shape: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: "a token (JWT)", shape: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\./ },
  { what: "a client secret", shape: /[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{20,}/ },
  {
    what: "a credential field",
    shape:
      /"(secretText|clientSecret|client_secret|privateKey|privateKeyPem|pfxPassword|password|accessToken|access_token|refreshToken|refresh_token|idToken|id_token)"\s*:/,
  },
];

/** What kind of credential the text holds (the first found), or undefined; never the value itself. */
export function credentialIn(text: string): string | undefined {
  return SHAPES.find(({ shape }) => shape.test(text))?.what;
}
