import { z } from "@hono/zod-openapi";

export const HealthSchema = z
  .object({
    status: z.literal("ok"),
    cloud: z.string().openapi({ description: "global, usgov, china or sandbox." }),
    time: z.string(),
  })
  .openapi("Health");
