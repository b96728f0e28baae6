"use client";

import { createContext, useContext } from "react";
import type { DraftAction } from "./draft-reducer";
import type { ImportOptions } from "./options";

export interface EditorContextValue {
  /** Applies an edit; the errors of the fields it names (draft keys) go away. */
  act: (action: DraftAction, clears?: string[]) => void;
  /** Field errors by draft key and field, e.g. `t12.ownerId`. */
  errors: Record<string, string>;
  options: ImportOptions;
  /** The plan's period, for the date inputs' bounds. */
  period: { startDate: string; endDate: string };
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor() {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside the import editor");
  return value;
}
