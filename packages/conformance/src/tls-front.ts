/**
 * The loopback TLS front: it terminates TLS for the Microsoft host names with the run's own CA and
 * pipes the decrypted bytes unchanged to the sandbox's HTTPS port. Nothing is parsed or rewritten:
 * method, path, query, Host header and body are exactly what the peer sent to login.microsoftonline.com
 * or graph.microsoft.com.
 */
import type { AddressInfo } from "node:net";
import { connect, createServer, type TLSSocket } from "node:tls";
import type { FrontCertificate } from "./front-certificate.js";
import { connectionObserver, type RequestRecord } from "./request-log.js";

export interface TlsFront {
  readonly port: number;
  /** TLS connections accepted, by the server name the client asked for (SNI). */
  connections(): Readonly<Record<string, number>>;
  /** Every request seen since the start or the last `clearLog`, in order sent. */
  requests(): readonly RequestRecord[];
  clearLog(): void;
  close(): Promise<void>;
}

export interface TlsFrontOptions {
  readonly certificate: FrontCertificate;
  /** The sandbox origin, e.g. https://localhost:8443. */
  readonly sandboxUrl: string;
  /** The sandbox's CA, to check the upstream leg. */
  readonly sandboxCaPem: string;
}

export async function startTlsFront(options: TlsFrontOptions): Promise<TlsFront> {
  const upstream = new URL(options.sandboxUrl);
  const counts: Record<string, number> = {};
  const open = new Set<TLSSocket>();
  let log: RequestRecord[] = [];
  const server = createServer(
    { key: options.certificate.keyPem, cert: options.certificate.certPem },
    (client) => {
      const name = client.servername || "(no SNI)";
      counts[name] = (counts[name] ?? 0) + 1;
      const sandbox = connect({
        host: "127.0.0.1",
        port: Number(upstream.port),
        servername: upstream.hostname,
        ca: options.sandboxCaPem,
      });
      open.add(client);
      open.add(sandbox);
      const end = () => {
        client.destroy();
        sandbox.destroy();
        open.delete(client);
        open.delete(sandbox);
      };
      client.on("error", end).on("close", end);
      sandbox.on("error", end).on("close", end);
      const watch = connectionObserver(name, (request) => log.push(request));
      client.on("data", (chunk: Buffer) => watch.fromClient(chunk));
      sandbox.on("data", (chunk: Buffer) => watch.fromServer(chunk));
      client.pipe(sandbox);
      sandbox.pipe(client);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => ({ ...counts }),
    requests: () => [...log],
    clearLog: () => {
      log = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
