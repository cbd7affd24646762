/**
 * Requires a partner API key (X-Api-Key) on the protected routes: 401 without a known key, 403
 * for a key not allowed the route. Runs before the body is read and before any outbound call, so
 * an anonymous caller costs one SHA-256 and never reaches the token service.
 */
import type { MiddlewareHandler } from "hono";
import type { ApiKey, ProtectedRoute } from "../auth/api-keys.js";
import { API_KEY_HEADER, findApiKey } from "../auth/api-keys.js";
import { errorBody } from "../errors.js";
import type { ApiEnv } from "../router.js";

export function requireApiKey(keys: readonly ApiKey[], route: ProtectedRoute): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    // CORS preflights carry no credentials by design; the CORS middleware answers them.
    if (c.req.method === "OPTIONS") return next();
    const key = await findApiKey(keys, c.req.header(API_KEY_HEADER));
    if (key === undefined) {
      c.header("WWW-Authenticate", `ApiKey header="${API_KEY_HEADER}"`);
      const message =
        keys.length === 0
          ? `This deployment has no API keys configured (API_KEYS), so ${route} is closed.`
          : `Send a valid API key in the ${API_KEY_HEADER} header.`;
      return c.json(errorBody("unauthenticated", message, "x-api-key", c.get("requestId")), 401);
    }
    if (!key.routes.has(route)) {
      return c.json(
        errorBody(
          "access_denied",
          `The API key "${key.name}" is not allowed to call ${route}.`,
          "x-api-key",
          c.get("requestId"),
        ),
        403,
      );
    }
    c.set("apiKey", key.name);
    return next();
  };
}
