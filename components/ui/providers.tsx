"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

/**
 * Client-side context for the whole app: React Query for the interactive pages to come. One
 * client per browser tab, made in state so a re-render does not drop its cache.
 */
export function Providers({ children }: { children: React.ReactNode }): React.ReactElement {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // One minute before data counts as stale, so moving between pages does not refetch at once.
        defaultOptions: { queries: { staleTime: 60_000 } },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
