/** `SpanLike[]` -> OTLP/JSON `ExportTraceServiceRequest`, grouped by resource and scope. */
import { encodeKeyValues, type OtlpKeyValue } from "./anyvalue.js";
import { normalizeEnvelope, normalizeId, OTLP_KINDS, OTLP_STATUS, type SpanLike, type SpanLikeLink } from "./span-like.js";
import type { Attributes } from "../span.js";

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  events: Array<{ timeUnixNano: string; name: string; attributes: OtlpKeyValue[] }>;
  status: { code: number; message?: string };
  traceState?: string;
  flags?: number;
  links?: OtlpLink[];
}

export interface OtlpLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  flags?: number;
  attributes: OtlpKeyValue[];
}

export interface ExportTraceServiceRequest {
  resourceSpans: Array<{
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: Array<{ scope: { name: string; version?: string; attributes?: OtlpKeyValue[] }; spans: OtlpSpan[] }>;
  }>;
}

export function encodeOtlpJson(spans: readonly SpanLike[]): ExportTraceServiceRequest {
  if (!Array.isArray(spans)) throw new TypeError("encodeOtlpJson expects an array of spans");
  const resources = new Map<string, ExportTraceServiceRequest["resourceSpans"][number]>();
  const scopes = new Map<string, OtlpSpan[]>();
  const request: ExportTraceServiceRequest = { resourceSpans: [] };
  for (const span of spans) {
    const env = normalizeEnvelope(span);
    const resourceAttributes: Attributes = env.resource?.attributes ?? {};
    const resourceKey = stableKey(resourceAttributes);
    let resourceSpans = resources.get(resourceKey);
    if (!resourceSpans) {
      resourceSpans = { resource: { attributes: encodeKeyValues(resourceAttributes) }, scopeSpans: [] };
      resources.set(resourceKey, resourceSpans);
      request.resourceSpans.push(resourceSpans);
    }
    const scope = env.scope ?? { name: "" };
    const scopeKey = `${resourceKey}\u0000${scope.name}\u0000${scope.version ?? ""}\u0000${stableKey(scope.attributes ?? {})}`;
    let list = scopes.get(scopeKey);
    if (!list) {
      list = [];
      scopes.set(scopeKey, list);
      const encodedScope: { name: string; version?: string; attributes?: OtlpKeyValue[] } = { name: scope.name };
      if (scope.version) encodedScope.version = scope.version;
      if (scope.attributes) encodedScope.attributes = encodeKeyValues(scope.attributes);
      resourceSpans.scopeSpans.push({ scope: encodedScope, spans: list });
    }
    const out: OtlpSpan = {
      traceId: env.traceId ?? "0".repeat(32),
      spanId: env.spanId ?? "0".repeat(16),
      name: env.name,
      kind: env.kind ? OTLP_KINDS.indexOf(env.kind) : 1,
      startTimeUnixNano: env.startTimeUnixNano ?? "0",
      endTimeUnixNano: env.endTimeUnixNano ?? "0",
      attributes: encodeKeyValues(env.attributes),
      events: (env.events ?? []).map((e) => ({
        timeUnixNano: e.timeUnixNano ?? "0",
        name: e.name,
        attributes: encodeKeyValues(e.attributes),
      })),
      status: { code: env.status ? OTLP_STATUS.indexOf(env.status.code) : 0 },
    };
    if (env.parentSpanId) out.parentSpanId = env.parentSpanId;
    if (env.status?.message) out.status.message = env.status.message;
    if (typeof span.traceState === "string" && span.traceState !== "") out.traceState = span.traceState;
    if (typeof span.flags === "number" && span.flags !== 0) out.flags = span.flags;
    if (Array.isArray(span.links) && span.links.length > 0) out.links = span.links.map(encodeLink);
    list.push(out);
  }
  return request;
}

/** The plain fields of a link, from a decoded link or an OTel SDK `Link` (`context`). */
export function linkFields(link: SpanLikeLink): { traceId: string; spanId: string; traceState?: string; flags?: number; attributes: Attributes } {
  const context = link.context;
  const out: { traceId: string; spanId: string; traceState?: string; flags?: number; attributes: Attributes } = {
    traceId: normalizeId(link.traceId ?? context?.traceId, 16) ?? "0".repeat(32),
    spanId: normalizeId(link.spanId ?? context?.spanId, 8) ?? "0".repeat(16),
    attributes: link.attributes ?? {},
  };
  const traceState = link.traceState ?? (typeof context?.traceState?.serialize === "function" ? context.traceState.serialize() : undefined);
  if (typeof traceState === "string" && traceState !== "") out.traceState = traceState;
  const flags = link.flags ?? context?.traceFlags;
  if (typeof flags === "number" && flags !== 0) out.flags = flags;
  return out;
}

function encodeLink(link: SpanLikeLink): OtlpLink {
  const fields = linkFields(link);
  const out: OtlpLink = { traceId: fields.traceId, spanId: fields.spanId, attributes: encodeKeyValues(fields.attributes) };
  if (fields.traceState !== undefined) out.traceState = fields.traceState;
  if (fields.flags !== undefined) out.flags = fields.flags;
  return out;
}

export function stableKey(attributes: Attributes): string {
  return JSON.stringify(Object.keys(attributes).sort().map((k) => [k, attributes[k]]), (_k, v: unknown) =>
    v instanceof Uint8Array ? Array.from(v) : typeof v === "bigint" ? `${v}n` : v,
  );
}
