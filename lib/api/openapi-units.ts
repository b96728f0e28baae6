/**
 * The units part of the OpenAPI document (#7): list, create, rename, retype, archive and restore
 * units (单位). Merged into `openApiDocument` by lib/api/openapi.ts; built the same way: request
 * schemas from the handlers' zod schemas, response schemas typed against the lib functions' return
 * types.
 */
import { UNIT_TYPES } from "@/db/schema/units";
import type { AdminUnit, UnitArchiveWarnings } from "@/lib/units/admin";
import {
  MAX_UNIT_NAME,
  unitCreateSchema,
  unitListQuerySchema,
  unitPatchSchema,
} from "@/lib/units/schemas";
import {
  fromZod,
  id,
  idPath,
  listOf,
  nullable,
  object,
  operation,
  queryParameters,
  ref,
  text,
  type Json,
  type PathItem,
} from "./openapi-helpers";

export const UNITS_TAGS = ["Units"] as const;

const count: Json = { type: "integer", minimum: 0 };

const unitFields = {
  id,
  name: { ...text, maxLength: MAX_UNIT_NAME },
  type: {
    type: "string",
    enum: [...UNIT_TYPES],
    description: "department = 科室, community = 社区, other = 其他.",
  },
  position: { type: "integer", description: "Display order among units (ascending)." },
  archived: { type: "boolean", description: "Archived units are kept, never deleted." },
  memberCount: { ...count, description: "Active people whose unit it is." },
  ledTaskCount: {
    ...count,
    description: "Open (live, not completed) tasks of the current plan it leads (牵头).",
  },
};

export const unitsSchemas = (): Record<string, Json> => ({
  // Requests: the handlers' own schemas.
  UnitCreate: {
    ...fromZod(unitCreateSchema),
    description:
      "The name is trimmed and unique among all units: a live unit's name is a 400 " +
      "(`fields.name`), and so is an archived unit's (restore that one instead).",
  },
  UnitPatch: {
    ...fromZod(unitPatchSchema),
    description:
      "The fields given replace the unit's. `archived: true` archives it (it leaves the " +
      "choice lists; its people and tasks stay as they are), `false` restores it.",
  },

  // Responses.
  AdminUnit: object<AdminUnit>(unitFields, "A unit (单位) with its people and open work."),
  AdminUnitList: listOf("AdminUnit"),
  UnitArchiveWarnings: object<UnitArchiveWarnings>(
    {
      activeMembers: { ...count, description: "Active people still in the unit." },
      openLedTasks: { ...count, description: "Open tasks of the current plan it still leads." },
    },
    "What archiving left behind, to be moved to other units.",
  ),
  UpdatedUnit: object<AdminUnit & { warnings: UnitArchiveWarnings | null }>(
    {
      ...unitFields,
      warnings: {
        ...nullable(ref("UnitArchiveWarnings")),
        description:
          "Set when this call archived a unit that still has active people or leads open " +
          "tasks of the current plan; null otherwise.",
      },
    },
    "The unit after the change.",
  ),
});

export const unitsPaths = (): Record<string, PathItem> => ({
  "/units": {
    get: operation({
      id: "listUnits",
      tag: "Units",
      summary: "Units with their counts, live ones first in display order (admins)",
      parameters: queryParameters(unitListQuerySchema, {
        includeArchived: "Also list archived units (after the live ones). Default: false.",
      }),
      ok: { status: 200, description: "The units.", schema: "AdminUnitList" },
      errors: [400, 403],
    }),
    post: operation({
      id: "createUnit",
      tag: "Units",
      summary: "Create a unit at the end of the list (admins)",
      body: "UnitCreate",
      ok: { status: 201, description: "The new unit.", schema: "AdminUnit" },
      errors: [400, 403],
    }),
  },
  "/units/{id}": {
    parameters: [idPath],
    patch: operation({
      id: "updateUnit",
      tag: "Units",
      summary: "Rename, retype, archive or restore a unit (admins); units are never deleted",
      description:
        "Archiving a unit that still has active people or leads open tasks of the current plan " +
        "is allowed; the answer's `warnings` says how many are left to move.",
      body: "UnitPatch",
      ok: { status: 200, description: "The unit.", schema: "UpdatedUnit" },
      errors: [400, 403, 404],
    }),
  },
});
