import "reflect-metadata";
import { X509Certificate as NodeX509, webcrypto } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as never);

type CryptoKey = webcrypto.CryptoKey;

export interface TlsMaterial {
  caFile: string;
  caPem: string;
  certPem: string;
  keyPem: string;
  /** PKCS#8 PEM of the token signing key (RS256), kept beside the CA so tokens survive restarts. */
  signingKeyPem: string;
}

const ecAlg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY = 86_400_000;

/** `$BOXAFE_SANDBOX_HOME` or `~/.cache/boxafe-connect/sandbox-v2`. */
export function defaultSandboxHome(): string {
  return process.env.BOXAFE_SANDBOX_HOME || join(homedir(), ".cache", "boxafe-connect", "sandbox-v2");
}

export function sandboxCaFile(home = defaultSandboxHome()): string {
  return join(home, "ca.pem");
}

function toPem(der: ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

function writeSecret(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

function writePublic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o644 });
  renameSync(tmp, path);
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(12)))
    .toString("hex")
    .replace(/^./, "1");
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  return toPem(await webcrypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY");
}

/**
 * DER of a critical NameConstraints extension (RFC 5280 §4.2.1.10) permitting dNSName localhost
 * only, so a certificate this CA signed for any other host name is refused by every verifier that
 * honours the extension (Node's OpenSSL, Chromium), even where the CA is trusted process-wide
 * (NODE_EXTRA_CA_CERTS). iPAddress subtrees (127.0.0.1/32, ::1/128) are left out on purpose:
 * workerd's TLS verifier refuses any CA carrying them ("unsupported name constraint type"), and the
 * Worker tests must trust this CA inside workerd. IP names are then not constrained by the CA; what
 * bounds them is that the CA's key is dropped once it has signed the one localhost leaf.
 */
function nameConstraintsDer(): Uint8Array<ArrayBuffer> {
  const tlv = (tag: number, body: Uint8Array): Uint8Array<ArrayBuffer> => {
    if (body.length > 127) throw new Error("nameConstraintsDer: body too long for short-form length");
    return Uint8Array.from([tag, body.length, ...body]);
  };
  const ascii = (text: string) => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
  // GeneralSubtree { base [2] dNSName "localhost" } inside permittedSubtrees [0].
  const subtree = tlv(0x30, tlv(0x82, ascii("localhost")));
  return tlv(0x30, tlv(0xa0, subtree));
}

/** The CA and the leaf share one short life; both are made again before it ends. */
export const SANDBOX_CERT_DAYS = 30;
const NAME_CONSTRAINTS_OID = "2.5.29.30";

/**
 * A fresh CA and its localhost leaf. The CA's private key signs the leaf and is then dropped: it
 * never reaches the disk, so nothing on this machine can issue another certificate under it.
 */
async function createCaAndLeaf(home: string): Promise<void> {
  const caKeys = await webcrypto.subtle.generateKey(ecAlg, true, ["sign", "verify"]);
  const notBefore = new Date(Date.now() - DAY);
  const notAfter = new Date(Date.now() + SANDBOX_CERT_DAYS * DAY);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: "CN=boxafe-connect sandbox CA (localhost only), O=boxafe-connect",
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ecAlg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
      new x509.Extension(NAME_CONSTRAINTS_OID, true, nameConstraintsDer()),
    ],
  });
  const keys = await webcrypto.subtle.generateKey(ecAlg, true, ["sign", "verify"]);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: "CN=localhost",
    issuer: ca.subject,
    notBefore,
    notAfter,
    signingKey: caKeys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ecAlg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "localhost" },
        { type: "ip", value: "127.0.0.1" },
        { type: "ip", value: "::1" },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  writeSecret(join(home, "tls-key.pem"), await pkcs8Pem(keys.privateKey));
  writePublic(join(home, "tls-cert.pem"), cert.toString("pem"));
  writePublic(join(home, "ca.pem"), ca.toString("pem"));
  // A CA key left by an older version (which also had no name constraints) goes.
  rmSync(join(home, "ca-key.pem"), { force: true });
}

async function createSigningKey(home: string): Promise<void> {
  const alg = {
    name: "RSASSA-PKCS1-v1_5",
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: "SHA-256",
  };
  const keys = await webcrypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  writeSecret(join(home, "signing-key.pem"), await pkcs8Pem(keys.privateKey));
}

/**
 * The cached CA and leaf are reused only while they are this version's: the CA carries the name
 * constraints, the leaf was issued by it, and neither ends within a day. An older cache (a 10-year
 * CA without constraints, its key on disk) fails the first test and is replaced.
 */
function cacheCurrent(home: string): boolean {
  const leafPath = join(home, "tls-cert.pem");
  const caPath = join(home, "ca.pem");
  if (!existsSync(leafPath) || !existsSync(join(home, "tls-key.pem")) || !existsSync(caPath)) return false;
  try {
    const ca = new x509.X509Certificate(readFileSync(caPath, "utf8"));
    // Exactly this version's constraints (an earlier one also carried iPAddress subtrees workerd refuses).
    const constraints = ca.getExtension(NAME_CONSTRAINTS_OID);
    if (!constraints?.critical) return false;
    if (Buffer.compare(Buffer.from(constraints.value), Buffer.from(nameConstraintsDer())) !== 0) return false;
    const leaf = new NodeX509(readFileSync(leafPath));
    const caNode = new NodeX509(readFileSync(caPath));
    const soon = Date.now() + DAY;
    return leaf.checkIssued(caNode) && Date.parse(leaf.validTo) > soon && Date.parse(caNode.validTo) > soon;
  } catch {
    return false;
  }
}

/** Serialises first-time generation between processes sharing one home (parallel test workers). */
async function withLock<T>(home: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(home, ".lock");
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 30_000 || i > 400) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Loads the CA, TLS leaf and signing key from `home`, generating whatever is missing. */
export async function ensureTls(home = defaultSandboxHome()): Promise<TlsMaterial> {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  await withLock(home, async () => {
    if (!cacheCurrent(home)) await createCaAndLeaf(home);
    if (!existsSync(join(home, "signing-key.pem"))) await createSigningKey(home);
    const caPem = readFileSync(join(home, "ca.pem"), "utf8");
    const system = "/etc/ssl/certs/ca-certificates.crt";
    const bundle = existsSync(system) ? `${readFileSync(system, "utf8").trimEnd()}\n${caPem}` : caPem;
    const bundlePath = join(home, "ca-bundle.pem");
    if (!existsSync(bundlePath) || readFileSync(bundlePath, "utf8") !== bundle)
      writePublic(bundlePath, bundle);
  });
  return {
    caFile: sandboxCaFile(home),
    caPem: readFileSync(join(home, "ca.pem"), "utf8"),
    certPem: readFileSync(join(home, "tls-cert.pem"), "utf8"),
    keyPem: readFileSync(join(home, "tls-key.pem"), "utf8"),
    signingKeyPem: readFileSync(join(home, "signing-key.pem"), "utf8"),
  };
}
