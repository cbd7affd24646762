/** Graph's error body: `{error:{code,message,details?,innerError:{date,request-id,client-request-id}}}`. */

export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  body(requestId: string, clientRequestId: string, date: string): Record<string, unknown> {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.details) error.details = this.details;
    error.innerError = { date, "request-id": requestId, "client-request-id": clientRequestId };
    return { error };
  }
}

export const graphErrors = {
  /**
   * 404 without details, as real traffic shows it: EirikHaughom/ADME issue 5 (POST appRoleAssignments),
   * Azure/azure-powershell issue 18179 (GET servicePrincipals/{id}).
   */
  notFound: (id: string) =>
    new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  denied: () =>
    new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
  badRequest: (message: string, details?: ErrorDetail[]) =>
    new GraphError(400, "Request_BadRequest", message, details),
  segment: (segment: string) =>
    new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`),
  method: () =>
    new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."),
  invalidToken: (message: string) => new GraphError(401, "InvalidAuthenticationToken", message),
  noBackingApp: (appId: string) => {
    const message = `The appId '${appId}' of the service principal does not reference a valid application object.`;
    return new GraphError(400, "Request_BadRequest", message, [
      { code: "NoBackingApplicationObject", message, target: "appId" },
    ]);
  },
  badReference: () => new GraphError(400, "Request_BadRequest", "Not a valid reference update."),
  /**
   * 504 from Graph's gateway: code UnknownError with an empty message (real traffic: microsoftgraph/
   * microsoft-graph-docs issues 2505 and 5288). The write behind it may well have committed.
   */
  gateway: () => new GraphError(504, "UnknownError", ""),
  throttled: (seconds: number) =>
    new GraphError(
      429,
      "TooManyRequests",
      `Your request is throttled temporarily. Please try after ${seconds} seconds.`,
      undefined,
      { "Retry-After": String(seconds) },
    ),
  unavailable: (seconds = 1) =>
    new GraphError(
      503,
      "serviceNotAvailable",
      "The service is temporarily unavailable. Please try again later.",
      undefined,
      { "Retry-After": String(seconds) },
    ),
};
