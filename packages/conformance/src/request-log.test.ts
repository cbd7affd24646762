import { describe, expect, it } from "vitest";
import { connectionObserver, type RequestRecord, sequentialRoundTrips } from "./request-log.js";

const req = (sentAt: number, answeredAt?: number): RequestRecord => ({
  host: "graph.microsoft.com",
  method: "POST",
  target: "/v1.0/x",
  sentAt,
  ...(answeredAt === undefined ? {} : { answeredAt }),
});

describe("sequentialRoundTrips", () => {
  it("counts a parallel wave once and a chain once per link", () => {
    // GET, then POST app, then 3 in parallel, then one more: 4 sequential round trips.
    const records = [req(0, 10), req(11, 20), req(21, 30), req(21, 35), req(22, 31), req(36, 40)];
    expect(sequentialRoundTrips(records)).toBe(4);
    expect(sequentialRoundTrips([req(0, 10), req(1, 12), req(2, 11)])).toBe(1);
    expect(sequentialRoundTrips([])).toBe(0);
  });
});

describe("connectionObserver", () => {
  it("records request lines and pairs each status line with the oldest open request", () => {
    const log: RequestRecord[] = [];
    let t = 0;
    const watch = connectionObserver(
      "graph.microsoft.com",
      (r) => log.push(r),
      () => t,
    );
    watch.fromClient(
      Buffer.from("GET /v1.0/myorganization/servicePrincipals?$select=appId HTTP/1.1\r\nHost: x\r\n\r\n"),
    );
    t = 5;
    watch.fromClient(Buffer.from('{"body": "not a request"}'));
    watch.fromServer(Buffer.from("HTTP/1.1 200 OK\r\n\r\n"));
    t = 7;
    watch.fromServer(Buffer.from("HTTP/1.1 in the body, not a status line"));
    expect(log).toEqual([
      {
        host: "graph.microsoft.com",
        method: "GET",
        target: "/v1.0/myorganization/servicePrincipals?$select=appId",
        sentAt: 0,
        answeredAt: 5,
      },
    ]);
  });
});
