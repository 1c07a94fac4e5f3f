/**
 * The Laminar parser: `observe()` spans. Span type from `lmnr.span.type` (an observed function without
 * one is a CHAIN, inferred); inputs and outputs from the JSON of the arguments and return value (a
 * one-argument list unwrapped); an `exception` event is the only failure signal (Laminar leaves the
 * OTel status UNSET), read as status ERROR. Content, model and usage of instrumented LLM calls come
 * from the OpenLLMetry and GenAI parsers; session and user ids stay attributes.
 */
import { RANK } from "../../../readers/context.js";
import { readJsonValue, readString } from "../../../readers/values.js";
import { parser } from "../../types.js";
import { LAMINAR } from "../keys.js";
import { SPAN_TYPES } from "../tables.js";

export const parseLaminar = parser<{ observed: boolean }>(
  () => ({ observed: false }),
  [
    {
      name: "span type",
      run(ctx, s) {
        s.observed = ctx.has(LAMINAR.type) || ctx.has(LAMINAR.input) || ctx.has(LAMINAR.output);
        const raw = readString(ctx, LAMINAR.type);
        if (raw !== undefined) {
          const type = Object.prototype.hasOwnProperty.call(SPAN_TYPES, raw) ? SPAN_TYPES[raw] : undefined;
          if (type !== undefined) {
            ctx.consume(LAMINAR.type);
            ctx.offer("spanType", type, RANK.explicitKind, "laminar");
            return;
          }
          ctx.diagnose("unknown-span-kind", "warning", `${LAMINAR.type} "${raw}" is not a Laminar span type; kept raw, the type is inferred`, LAMINAR.type);
        }
        // observe() without a spanType writes no type key: an observed function, a step of the call.
        if (s.observed) ctx.offer("spanType", "CHAIN", RANK.inferred, "laminar");
      },
    },
    {
      name: "input and output",
      run(ctx) {
        if (ctx.has(LAMINAR.input)) {
          const parsed = readJsonValue(ctx, LAMINAR.input);
          if (parsed.ok) {
            ctx.consume(LAMINAR.input);
            const v = parsed.value;
            ctx.offer("inputs", Array.isArray(v) && v.length === 1 ? v[0] : v, RANK.structured, "laminar");
          }
        }
        if (ctx.has(LAMINAR.output)) {
          const parsed = readJsonValue(ctx, LAMINAR.output);
          if (parsed.ok) {
            ctx.consume(LAMINAR.output);
            ctx.offer("outputs", parsed.value, RANK.structured, "laminar");
          }
        }
      },
    },
    {
      name: "errors",
      run(ctx, s) {
        if (!s.observed) return;
        for (const event of ctx.events) {
          if (event.name !== "exception") continue;
          const message = event.attributes["exception.message"];
          ctx.markError(typeof message === "string" && message !== "" ? message : undefined);
          return;
        }
      },
    },
  ],
);
