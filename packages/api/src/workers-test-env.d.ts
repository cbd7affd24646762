/** Just the parts of the workerd test environment (vitest-pool-workers) that the workers test uses. */
declare module "cloudflare:workers" {
  export const exports: {
    readonly default: { fetch(input: string, init?: RequestInit): Promise<Response> };
  };
}
declare const navigator: { readonly userAgent: string };
