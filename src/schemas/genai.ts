import * as z from "zod/mini";
// ---------------------------------------------------------------------------------------------
// Structured messages (pinned version: see the header).

export const GENAI_ROLES = ["system", "user", "assistant", "tool"] as const;
export const GENAI_FINISH_REASONS = ["stop", "length", "content_filter", "tool_call", "compaction", "error"] as const;
export const GENAI_MODALITIES = ["image", "video", "audio", "document"] as const;

const nullableString = z.optional(z.nullable(z.string()));
/** `modality` is the enum or any other string. */
const modality = z.string();

export const GenAiTextPartSchema = z.looseObject({ type: z.literal("text"), content: z.string() });
export const GenAiToolCallPartSchema = z.looseObject({ type: z.literal("tool_call"), id: nullableString, name: z.string(), arguments: z.optional(z.unknown()) });
export const GenAiToolCallResponsePartSchema = z
  .looseObject({ type: z.literal("tool_call_response"), id: nullableString, response: z.unknown() })
  .check(z.refine((part) => Object.prototype.hasOwnProperty.call(part, "response"), { message: "response is required" }));
export const GenAiServerToolCallPartSchema = z.looseObject({
  type: z.literal("server_tool_call"),
  id: nullableString,
  name: z.string(),
  server_tool_call: z.looseObject({ type: z.string() }),
});
export const GenAiServerToolCallResponsePartSchema = z.looseObject({
  type: z.literal("server_tool_call_response"),
  id: nullableString,
  server_tool_call_response: z.looseObject({ type: z.string() }),
});
export const GenAiBlobPartSchema = z.looseObject({ type: z.literal("blob"), mime_type: nullableString, modality, content: z.string(), transcript: nullableString });
export const GenAiFilePartSchema = z.looseObject({ type: z.literal("file"), mime_type: nullableString, modality, file_id: z.string(), transcript: nullableString });
export const GenAiUriPartSchema = z.looseObject({ type: z.literal("uri"), mime_type: nullableString, modality, uri: z.string(), transcript: nullableString });
export const GenAiReasoningPartSchema = z.looseObject({ type: z.literal("reasoning"), content: z.string() });
export const GenAiCompactionPartSchema = z.looseObject({ type: z.literal("compaction"), id: nullableString, content: nullableString });
export const GenAiGenericPartSchema = z.looseObject({ type: z.string() });

const KNOWN_PART_SCHEMAS: Readonly<Record<string, z.ZodMiniType>> = {
  text: GenAiTextPartSchema,
  tool_call: GenAiToolCallPartSchema,
  tool_call_response: GenAiToolCallResponsePartSchema,
  server_tool_call: GenAiServerToolCallPartSchema,
  server_tool_call_response: GenAiServerToolCallResponsePartSchema,
  blob: GenAiBlobPartSchema,
  file: GenAiFilePartSchema,
  uri: GenAiUriPartSchema,
  reasoning: GenAiReasoningPartSchema,
  compaction: GenAiCompactionPartSchema,
};

/**
 * One message part. A part whose `type` names a known part must have that part's fields (stricter
 * than the official `anyOf`, which lets an incomplete known part pass as a generic one); any other
 * `type` is a generic part.
 */
export const GenAiPartSchema: z.ZodMiniType<{ type: string; [key: string]: unknown }> = GenAiGenericPartSchema.check(
  z.superRefine((part, ctx) => {
    const schema = Object.prototype.hasOwnProperty.call(KNOWN_PART_SCHEMAS, part.type) ? KNOWN_PART_SCHEMAS[part.type] : undefined;
    if (!schema) return;
    const result = schema.safeParse(part);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message } as never);
  }),
) as never;

export const GenAiInputMessageSchema = z.looseObject({ role: z.string(), parts: z.array(GenAiPartSchema), name: nullableString });
export const GenAiOutputMessageSchema = z.looseObject({
  role: z.string(),
  parts: z.array(GenAiPartSchema),
  name: nullableString,
  finish_reason: nullableString,
});
export const GenAiInputMessagesSchema = z.array(GenAiInputMessageSchema);
export const GenAiOutputMessagesSchema = z.array(GenAiOutputMessageSchema);
/** System instructions: a list of parts (text, media or generic). */
export const GenAiSystemInstructionsSchema = z.array(GenAiPartSchema);

export const GenAiFunctionToolDefinitionSchema = z.looseObject({
  type: z.literal("function"),
  name: z.string(),
  description: nullableString,
  parameters: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export const GenAiToolDefinitionSchema = z.union([GenAiFunctionToolDefinitionSchema, z.looseObject({ type: z.string(), name: z.string() })]);
export const GenAiToolDefinitionsSchema = z.array(GenAiToolDefinitionSchema);

export type GenAiInputMessage = z.infer<typeof GenAiInputMessageSchema>;
export type GenAiOutputMessage = z.infer<typeof GenAiOutputMessageSchema>;
