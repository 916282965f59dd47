import { z } from 'zod';
import { scaffoldIdSchema } from './schema.ts';

// What the side panel, the popup, the keyboard commands and the background send about
// scaffolds (utils/messaging.ts), parsed by every receiver before use.

const threadId = z.string().min(1).max(200);

export const insertScaffoldRequestSchema = z.object({ scaffoldId: scaffoldIdSchema, threadId: threadId.optional() });
export type InsertScaffoldRequest = z.infer<typeof insertScaffoldRequestSchema>;

export const insertScaffoldReplySchema = z.object({
  inserted: z.boolean(),
  reason: z.string().max(500).optional(),
  placeholders: z.array(z.string().max(200)).max(200).optional(),
  ms: z.number().optional(),
});
export type InsertScaffoldReply = z.infer<typeof insertScaffoldReplySchema>;

export const selectPlaceholderRequestSchema = z.object({
  direction: z.enum(['next', 'previous']),
  threadId: threadId.optional(),
});
export type SelectPlaceholderRequest = z.infer<typeof selectPlaceholderRequestSchema>;

export const selectPlaceholderReplySchema = z.object({
  selected: z.string().max(200).nullable(),
  remaining: z.array(z.string().max(200)).max(500),
  reason: z.string().max(500).optional(),
});
export type SelectPlaceholderReply = z.infer<typeof selectPlaceholderReplySchema>;
