import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

/**
 * GET /api/v1/openapi.json → the API's OpenAPI 3.1 document. Documentation, not data: readable
 * without a session (proxy.ts lets exactly this path through), so not wrapped in apiRoute.
 */
export const GET = () =>
  NextResponse.json(openApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
