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

/** Every registered value is at least this long; its first PREFIX characters index it. */
const PREFIX = 8;

export function createRedactor(): Redactor {
  // Registered values by their first 8 characters, longest first: a line is scanned once, position by
  // position, whatever the number of values. (A loop over every value per line was quadratic in a fleet:
  // a token and a key per tenant, checked against every later line of 1,000 tenants.)
  const known = new Map<string, string[]>();
  const registered = new Set<string>();
  const handedOver = new Set<string>();
  const add = (value: string) => {
    if (registered.has(value)) return;
    registered.add(value);
    const key = value.slice(0, PREFIX);
    const list = known.get(key) ?? [];
    const shorter = list.findIndex((other) => other.length < value.length);
    list.splice(shorter === -1 ? list.length : shorter, 0, value);
    known.set(key, list);
  };
  const hideKnown = (text: string): string => {
    let out = "";
    let copied = 0;
    for (let i = 0; i + PREFIX <= text.length; ) {
      const hit = known.get(text.slice(i, i + PREFIX))?.find((value) => text.startsWith(value, i));
      if (hit === undefined) {
        i += 1;
        continue;
      }
      out += `${text.slice(copied, i)}[redacted]`;
      i += hit.length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
  const hide = (text: string): string => {
    let out = known.size === 0 ? text : hideKnown(text);
    for (const pattern of patterns) out = out.replace(pattern, "[redacted]");
    return out;
  };
  return {
    protect(value) {
      if (value && value.length >= PREFIX) add(value);
    },
    handOver(value) {
      if (!value || value.length < PREFIX) return;
      add(value);
      handedOver.add(value);
      // In the JSON document a PEM's newlines are escaped: hand over that spelling too.
      const escaped = JSON.stringify(value).slice(1, -1);
      if (escaped !== value) {
        add(escaped);
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
