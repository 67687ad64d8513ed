/** Providers: Mantine (theme), TanStack Query (server state), the router. */
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router";
import { ApiError, onUnauthorized } from "../api/client.ts";
import { forgetSession } from "../api/auth.ts";
import { createRouter } from "./router.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

function createQueryClient() {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (400–499) will not change by asking again.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  // The session ended (expired, logged out elsewhere): the guard sends the user to login.
  onUnauthorized(() => forgetSession(client));
  return client;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
