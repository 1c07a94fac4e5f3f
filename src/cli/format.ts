/** Output shapes of the CLI. */
import { toMlflowAttributes, type MlflowSpan } from "../index.js";

/**
 * MLflow's serialised span (`Span.to_dict()`, schema v4): the trace id with MLflow's `tr-` prefix,
 * hex span ids, nanosecond times, status names and the stored (JSON-encoded) attributes.
 */
export function toMlflowSpanJson(span: MlflowSpan): Record<string, unknown> {
  return {
    trace_id: span.traceId ? `tr-${span.traceId}` : null,
    otel_trace_id: span.traceId ?? null,
    span_id: span.spanId ?? null,
    parent_span_id: span.parentSpanId ?? null,
    name: span.name,
    start_time_unix_nano: span.startTimeUnixNano ?? null,
    end_time_unix_nano: span.endTimeUnixNano ?? null,
    status: { code: span.status?.code ?? "UNSET", message: span.status?.message ?? "" },
    attributes: toMlflowAttributes(span),
    events: (span.events ?? []).map((e) => ({ name: e.name, time_unix_nano: e.timeUnixNano ?? null, attributes: e.attributes })),
  };
}

/** A short "input → output" preview for tables. */
export function preview(span: MlflowSpan, width = 60): string {
  const userText = lastUserText(span.inputs);
  const reply = firstReply(span.outputs);
  // Content capture off: the messages are there but their content is null.
  const input = userText === null ? "(no content)" : summarise(userText ?? span.inputs);
  const output = reply === null ? "(no content)" : summarise(reply ?? span.outputs);
  if (input === "" && output === "") return "";
  return truncate(`${input} → ${output}`, width);
}

function lastUserText(inputs: unknown): unknown {
  const messages = (inputs as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages)) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: string; content?: unknown };
    if (m.role === "user" || m.role === "tool") return m.content ?? null;
  }
  return undefined;
}

function firstReply(outputs: unknown): unknown {
  const choices = (outputs as { choices?: unknown } | undefined)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const message = (choices[0] as { message?: { content?: unknown; tool_calls?: Array<{ function: { name: string } }> } }).message;
  if (message?.tool_calls?.length) return `[tool: ${message.tool_calls.map((t) => t.function.name).join(", ")}]`;
  return message?.content ?? null;
}

function summarise(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim();
  // A list of content parts reads as its text; any other list (a tool's result) as its JSON.
  if (Array.isArray(value) && value.length > 0 && value.every((p) => p !== null && typeof p === "object" && typeof (p as { type?: unknown }).type === "string")) {
    const text = value.map((p) => ("text" in p ? String((p as { text: unknown }).text) : `[${(p as { type: string }).type}]`));
    return text.join(" ");
  }
  return JSON.stringify(value);
}

export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function tokens(span: MlflowSpan): string {
  const u = span.tokenUsage;
  return u ? `${u.input_tokens ?? "-"}/${u.output_tokens ?? "-"}/${u.total_tokens ?? "-"}` : "-";
}

/** Renders rows as an aligned text table. */
export function table(header: string[], rows: string[][]): string {
  // A loop, not Math.max(...column): spreading 130k rows overflows the call stack.
  const widths = header.map((h) => h.length);
  for (const row of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, (row[i] ?? "").length);
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
