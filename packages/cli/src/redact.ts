/**
 * Redaction for everything written to stderr and logs: registered secrets and tokens by value, and
 * anything shaped like a JWT or an Entra client secret by pattern. Hand-over output bypasses it.
 */

const patterns = [
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{20,}/g,
];

export interface Redactor {
  protect(value: string | undefined): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const known = new Set<string>();
  return {
    protect(value) {
      if (value && value.length >= 8) known.add(value);
    },
    redact(text) {
      let out = text;
      for (const value of known) out = out.split(value).join("[redacted]");
      for (const pattern of patterns) out = out.replace(pattern, "[redacted]");
      return out;
    },
  };
}
