"use client";

import type { ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Keeps a form's controls disabled until React owns them: text typed into the server's HTML would
 * otherwise be overwritten (or doubled) when the form sets its initial values on hydration.
 */
export function HydratedFieldset({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} className="contents">
      {children}
    </fieldset>
  );
}
