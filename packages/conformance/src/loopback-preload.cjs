/**
 * Loaded with `node --require` (through NODE_OPTIONS) into the peer CLI's process only: it maps the
 * Microsoft host names in BOXAFE_LOOPBACK to 127.0.0.1 and their port 443 to the loopback TLS front,
 * so an unmodified client talks to the sandbox with its own URLs and paths and no system file changes.
 * Every other name that is not loopback fails to resolve (ENOTFOUND): nothing leaves the machine, and
 * the attempt is written to the log so a test can show which hosts the client wanted.
 * Plain CommonJS on purpose: it runs before any loader, in a process we do not control.
 */
"use strict";
const dns = require("node:dns");
const fs = require("node:fs");
const net = require("node:net");

const config = JSON.parse(process.env.BOXAFE_LOOPBACK || "{}");
const hosts = new Set((config.hosts || []).map((h) => String(h).toLowerCase()));
const frontPort = Number(config.port);
const logFile = config.log;
const loopback = new Set(["localhost", "127.0.0.1", "::1"]);

function note(kind, host) {
  if (logFile) fs.appendFileSync(logFile, `${JSON.stringify({ kind, host, pid: process.pid })}\n`);
}

function blocked(hostname) {
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname} (not mapped by the loopback preload)`);
  return Object.assign(error, { code: "ENOTFOUND", errno: -3008, syscall: "getaddrinfo", hostname });
}

const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  const done = typeof options === "function" ? options : callback;
  const opts = typeof options === "object" && options !== null ? options : {};
  const host = String(hostname).toLowerCase();
  if (hosts.has(host)) {
    note("mapped", host);
    process.nextTick(() =>
      opts.all ? done(null, [{ address: "127.0.0.1", family: 4 }]) : done(null, "127.0.0.1", 4),
    );
    return {};
  }
  if (loopback.has(host) || net.isIP(host) !== 0)
    return originalLookup.call(dns, hostname, options, callback);
  note("blocked", host);
  process.nextTick(() => done(blocked(hostname)));
  return {};
};

const originalPromisesLookup = dns.promises.lookup;
dns.promises.lookup = function lookup(hostname, options) {
  const host = String(hostname).toLowerCase();
  if (hosts.has(host)) {
    note("mapped", host);
    const all = typeof options === "object" && options !== null && options.all;
    return Promise.resolve(all ? [{ address: "127.0.0.1", family: 4 }] : { address: "127.0.0.1", family: 4 });
  }
  if (loopback.has(host) || net.isIP(host) !== 0)
    return originalPromisesLookup.call(dns.promises, hostname, options);
  note("blocked", host);
  return Promise.reject(blocked(hostname));
};

// https://host/ means port 443, which an unprivileged front cannot listen on: only the port of a
// mapped name changes; the name stays, so SNI, certificate checks and the Host header are the client's.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  if (options && typeof options === "object" && typeof options.host === "string") {
    const port = Number(options.port);
    if (hosts.has(options.host.toLowerCase()) && (port === 443 || Number.isNaN(port)))
      options.port = frontPort;
  }
  return originalConnect.apply(this, args);
};
