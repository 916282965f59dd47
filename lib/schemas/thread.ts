import { z } from 'zod';
import type { ThreadContext } from '../types.ts';

const address = z.string().max(320);
const isoInstant = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time');

/** Thread context from outside (CLI file, messages): parsed, never trusted. */
export const threadContextSchema = z
  .object({
    resolved: z.boolean(),
    waitingOnCustomer: z.boolean(),
    marks: z.record(z.string().max(64), z.enum(['answered', 'not-applicable'])),
    earlierEtas: z.array(z.object({ due: isoInstant, text: z.string().max(5000) })).max(1000),
    recipients: z.object({
      to: z.array(address).max(500),
      cc: z.array(address).max(500),
      bcc: z.array(address).max(500),
    }),
    customerAddress: address,
    directory: z
      .array(
        z.object({
          domain: z.string().max(253).transform((d) => d.toLowerCase()),
          name: z.string().max(200),
          accountOwner: z.object({ name: z.string().max(200), email: address }).optional(),
        }),
      )
      .max(10_000),
  })
  .partial() satisfies z.ZodType<ThreadContext, unknown>;
