/**
 * What went through the loopback front, request by request, as seen from the wire: the request line
 * a client sent and when the first byte of its answer came back. Only observed, never changed. From
 * it, `sequentialRoundTrips` measures a client's critical path the same way for any client: the longest
 * chain of requests each sent only after the one before it had been answered.
 */

export interface RequestRecord {
  /** The TLS server name the client asked for (SNI). */
  readonly host: string;
  readonly method: string;
  /** Path and query, as sent. */
  readonly target: string;
  readonly sentAt: number;
  /** When the response's status line arrived (undefined: the connection closed first). */
  answeredAt?: number;
}

const REQUEST_LINE = /^(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS) (\S+) HTTP\/1\.1\r\n/;

/** Watches one connection's two directions; a new request starts a chunk with its request line. */
export function connectionObserver(
  host: string,
  record: (request: RequestRecord) => void,
  now: () => number = () => performance.now(),
) {
  const waiting: RequestRecord[] = [];
  return {
    fromClient(chunk: Buffer): void {
      const match = REQUEST_LINE.exec(chunk.subarray(0, 2048).toString("latin1"));
      if (!match?.[1] || !match[2]) return;
      const request: RequestRecord = { host, method: match[1], target: match[2], sentAt: now() };
      waiting.push(request);
      record(request);
    },
    fromServer(chunk: Buffer): void {
      if (!chunk.subarray(0, 9).equals(Buffer.from("HTTP/1.1 "))) return;
      const request = waiting.shift();
      if (request) request.answeredAt = now();
    },
  };
}

/** The longest chain of requests in which each was sent after the previous one was answered. */
export function sequentialRoundTrips(records: readonly RequestRecord[]): number {
  const sorted = [...records].sort((a, b) => a.sentAt - b.sentAt);
  const depth: number[] = [];
  let longest = 0;
  sorted.forEach((record, i) => {
    let before = 0;
    for (let j = 0; j < i; j += 1) {
      const earlier = sorted[j];
      if (earlier?.answeredAt !== undefined && earlier.answeredAt <= record.sentAt)
        before = Math.max(before, depth[j] ?? 0);
    }
    depth[i] = before + 1;
    longest = Math.max(longest, before + 1);
  });
  return longest;
}
