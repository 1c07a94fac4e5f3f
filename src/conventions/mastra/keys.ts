/** What Mastra's OTel exporter writes beside the GenAI keys (docs/mastra.md; @mastra/otel-exporter 1.4.0). */
export const MASTRA = {
  spanType: "mastra.span.type",
  agentInput: "mastra.agent_run.input",
  agentOutput: "mastra.agent_run.output",
  generationInput: "mastra.model_generation.input",
  generationOutput: "mastra.model_generation.output",
  stepInput: "mastra.model_step.input",
  stepOutput: "mastra.model_step.output",
  chunkOutput: "mastra.model_chunk.output",
  systemInstructions: "gen_ai.system_instructions",
  provider: "gen_ai.provider.name",
} as const;

/** `mastra.span.type` -> MLflow span type (Mastra's SpanType enum, `@mastra/core` observability). */
export const MASTRA_SPAN_TYPES: Readonly<Record<string, string | null>> = {
  agent_run: "AGENT",
  // The run's model generation: several requests (steps) under one span.
  model_generation: "LLM",
  // One request of the run; its `model_inference` child is the provider call.
  model_step: "CHAIN",
  model_inference: "CHAT_MODEL",
  tool_call: "TOOL",
  mcp_tool_call: "TOOL",
  workflow_run: "WORKFLOW",
  workflow_step: "CHAIN",
  workflow_conditional: "CHAIN",
  workflow_conditional_eval: "CHAIN",
  workflow_parallel: "CHAIN",
  workflow_loop: "CHAIN",
  workflow_sleep: "CHAIN",
  workflow_wait_event: "CHAIN",
  processor_run: "CHAIN",
  // Stream chunks and generic spans: no MLflow type says more than the other conventions on the span.
  model_chunk: null,
  generic: null,
};
