import { z } from '../schemas/zod-mini.ts';
import { scaffoldIdSchema } from './schema.ts';

// What the side panel, the popup, the keyboard commands and the background send about
// scaffolds (utils/messaging.ts), parsed by every receiver before use.

const threadId = z.string().check(z.minLength(1), z.maxLength(200));

export const insertScaffoldRequestSchema = z.object({ scaffoldId: scaffoldIdSchema, threadId: z.optional(threadId) });
export type InsertScaffoldRequest = z.infer<typeof insertScaffoldRequestSchema>;

export const insertScaffoldReplySchema = z.object({
  inserted: z.boolean(),
  reason: z.optional(z.string().check(z.maxLength(500))),
  placeholders: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(200))),
  ms: z.optional(z.number()),
});
export type InsertScaffoldReply = z.infer<typeof insertScaffoldReplySchema>;

export const selectPlaceholderRequestSchema = z.object({
  direction: z.enum(['next', 'previous']),
  threadId: z.optional(threadId),
});
export type SelectPlaceholderRequest = z.infer<typeof selectPlaceholderRequestSchema>;

export const selectPlaceholderReplySchema = z.object({
  selected: z.nullable(z.string().check(z.maxLength(200))),
  remaining: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)),
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type SelectPlaceholderReply = z.infer<typeof selectPlaceholderReplySchema>;
