"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "@/app/_queries/api-client";

/** Client-side providers: one TanStack Query client per browser tab. */
export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [queryClient] = useState(() => {
    // An admin reset this person's password while they worked: the change comes first.
    const onError = (error: unknown) => {
      if (error instanceof ApiError && error.code === "password_change_required") {
        router.push("/account/password");
      }
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
    });
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
