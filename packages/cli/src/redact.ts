/**
 * Redaction for everything the CLI writes. stderr (messages, progress, logs) never shows a
 * registered secret or token, nor anything shaped like a JWT or an Entra client secret. stdout
 * (the JSON document, the human result, error JSON) passes the same redactor, with one exception:
 * the values a command explicitly hands over (`handOver`: a new client secret, a generated PFX
 * password) stay readable there, since the admin must receive them. A JWT is never handed over.
 */

const patterns = [
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{20,}/g,
];
/** A token is never a hand-over, whoever registers it. */
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;

export interface Redactor {
  /** Never shown anywhere (tokens, secrets the admin typed, new secrets on stderr). */
  protect(value: string | undefined): void;
  /** Shown on stdout only, where the command hands it to the admin; still redacted on stderr. */
  handOver(value: string | undefined): void;
  /** For stderr: protected and handed-over values and secret- or token-shaped text hidden. */
  redact(text: string): string;
  /** For stdout: the same, except the handed-over values (raw or JSON-escaped) stay. */
  redactStdout(text: string): string;
}

const MARK = "\u0000handover";

export function createRedactor(): Redactor {
  const known = new Set<string>();
  const handedOver = new Set<string>();
  const hide = (text: string): string => {
    let out = text;
    for (const value of known) out = out.split(value).join("[redacted]");
    for (const pattern of patterns) out = out.replace(pattern, "[redacted]");
    return out;
  };
  return {
    protect(value) {
      if (value && value.length >= 8) known.add(value);
    },
    handOver(value) {
      if (!value || value.length < 8) return;
      known.add(value);
      handedOver.add(value);
      // In the JSON document a PEM's newlines are escaped: hand over that spelling too.
      const escaped = JSON.stringify(value).slice(1, -1);
      if (escaped !== value) {
        known.add(escaped);
        handedOver.add(escaped);
      }
    },
    redact: hide,
    redactStdout(text) {
      // Longest first, so a value containing another is shielded whole.
      const shields = [...handedOver]
        .filter((value) => !JWT_SHAPE.test(value))
        .sort((a, b) => b.length - a.length)
        .map((value, i) => [value, `${MARK}${i}\u0000`] as const);
      let out = text;
      for (const [value, mark] of shields) out = out.split(value).join(mark);
      out = hide(out);
      for (const [value, mark] of shields) out = out.split(mark).join(value);
      return out;
    },
  };
}
