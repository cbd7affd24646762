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

/** `$BOXAFE_SANDBOX_HOME` or `~/.cache/boxafe-connect/sandbox`. */
export function defaultSandboxHome(): string {
  return process.env.BOXAFE_SANDBOX_HOME || join(homedir(), ".cache", "boxafe-connect", "sandbox");
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

async function importEcKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
  return await webcrypto.subtle.importKey("pkcs8", der, ecAlg, true, ["sign"]);
}

async function createCa(home: string): Promise<void> {
  const keys = await webcrypto.subtle.generateKey(ecAlg, true, ["sign", "verify"]);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: "CN=boxafe-connect sandbox CA, O=boxafe-connect",
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    keys,
    signingAlgorithm: ecAlg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  writeSecret(join(home, "ca-key.pem"), await pkcs8Pem(keys.privateKey));
  writePublic(join(home, "ca.pem"), cert.toString("pem"));
}

async function createLeaf(home: string): Promise<void> {
  const caCert = new x509.X509Certificate(readFileSync(join(home, "ca.pem"), "utf8"));
  const caKey = await importEcKey(readFileSync(join(home, "ca-key.pem"), "utf8"));
  const keys = await webcrypto.subtle.generateKey(ecAlg, true, ["sign", "verify"]);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: "CN=localhost",
    issuer: caCert.subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    signingKey: caKey,
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
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  writeSecret(join(home, "tls-key.pem"), await pkcs8Pem(keys.privateKey));
  writePublic(join(home, "tls-cert.pem"), cert.toString("pem"));
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

function leafValid(home: string): boolean {
  const path = join(home, "tls-cert.pem");
  if (!existsSync(path) || !existsSync(join(home, "tls-key.pem"))) return false;
  const leaf = new NodeX509(readFileSync(path));
  const ca = new NodeX509(readFileSync(join(home, "ca.pem")));
  return leaf.checkIssued(ca) && Date.parse(leaf.validTo) > Date.now() + DAY;
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
    if (!existsSync(join(home, "ca.pem")) || !existsSync(join(home, "ca-key.pem"))) await createCa(home);
    if (!leafValid(home)) await createLeaf(home);
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
