import * as React from "react";
import { cn } from "./cn";

/** A message box; `role` is left to the caller (use role="alert" for errors). */
export function Alert({
  className,
  variant = "default",
  ...props
}: React.ComponentProps<"div"> & { variant?: "default" | "destructive" }) {
  return (
    <div
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        variant === "destructive" && "border-destructive/40 bg-destructive/5 text-destructive",
        className,
      )}
      {...props}
    />
  );
}
