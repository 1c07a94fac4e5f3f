/** Google ADK's own keys (`gcp.vertex.agent.*`, written by `telemetry/tracing` of @google/adk and google-adk). */
import type { DetectRule } from "../types.js";

export const ADK = {
  llmRequest: "gcp.vertex.agent.llm_request",
  llmResponse: "gcp.vertex.agent.llm_response",
  toolCallArgs: "gcp.vertex.agent.tool_call_args",
  toolResponse: "gcp.vertex.agent.tool_response",
  invocationId: "gcp.vertex.agent.invocation_id",
  sessionId: "gcp.vertex.agent.session_id",
  eventId: "gcp.vertex.agent.event_id",
  data: "gcp.vertex.agent.data",
  /** Written by ADK as `gen_ai.system` on model-call spans: the framework, not the provider. */
  systemValue: "gcp.vertex.agent",
} as const;

export const ADK_DETECTION: readonly DetectRule[] = [{ prefix: "gcp.vertex.agent." }];

/** The tracer (scope) name ADK traces itself with, in both the TypeScript and Python packages. */
export const ADK_SCOPE = "gcp.vertex.agent";
