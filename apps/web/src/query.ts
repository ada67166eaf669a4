// The console's query cache (@tanstack/react-query). Every screen reads through it (useLoad,
// usePagedList); every successful change (a form's or a button's action through `useApiForm`)
// invalidates the cached reads, so what is on screen is fetched again at once and what is not is
// marked stale ("automatic invalidation after mutations"). A write in this console touches figures
// shown elsewhere (recording a value moves the dashboard, a task move the board and the home page),
// and a targeted key list per action would be one more thing to get wrong; the cost is a few
// refetches of the screen the user is looking at.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx is an answer (not found, forbidden): shown at once, not retried. Network failures are.
      retry: (failures, error) => failures < 2 && error instanceof ApiError && error.status === 0,
      refetchOnWindowFocus: true,
      staleTime: 0,
    },
  },
});

/** After a change: refetch what is on screen, mark everything else stale. */
export const refreshAfterChange = (): Promise<void> => queryClient.invalidateQueries();
