/** Just the parts of the workerd test environment (vitest-pool-workers) that the workers test uses. */
declare module "cloudflare:workers" {
  export const env: { readonly LIMITS: import("./limits/durable-limit-store.js").DurableObjectNamespaceLike };
  export const exports: {
    readonly default: { fetch(input: string, init?: RequestInit): Promise<Response> };
  };
}
declare const navigator: { readonly userAgent: string };
