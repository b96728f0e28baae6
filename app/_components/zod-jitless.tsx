"use client";

import { z } from "zod";

// zod 4 probes `Function("")` once to see whether it may compile its parsers. The pages' CSP
// allows no eval (lib/security/csp.ts), so the browser refuses the probe and reports a violation;
// zod then parses without compiling anyway. Saying so up front gives the same results, no report.
z.config({ jitless: true });

/** Rendered once in the root layout, so this module runs in the browser before any parse. */
export function ZodJitless() {
  return null;
}
