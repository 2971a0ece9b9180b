import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes as RouterRoutes } from 'react-router';
import { ApiError } from '../api/client.ts';
import { Routes } from './Routes.tsx';
import { SessionProvider } from './session.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // a refusal (not found, forbidden) will not change by asking again; a network hiccup may
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

/** The customer portal is its own chunk: agents never load it, customers never load the agent app's pages. */
const PortalRoutes = lazy(() =>
  import('../portal/PortalRoutes.tsx').then((module) => ({ default: module.PortalRoutes })),
);

export function App() {
  return (
    <MantineProvider>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense
            fallback={
              <Center h="100vh">
                <Loader />
              </Center>
            }
          >
            <RouterRoutes>
              <Route
                path="/portal/*"
                element={
                  <SessionProvider kind="customer">
                    <PortalRoutes />
                  </SessionProvider>
                }
              />
              <Route
                path="*"
                element={
                  <SessionProvider kind="agent">
                    <Routes />
                  </SessionProvider>
                }
              />
            </RouterRoutes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
