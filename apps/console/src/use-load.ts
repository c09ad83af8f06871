import { QueryClient, keepPreviousData, useQuery } from '@tanstack/react-query';

/**
 * The console's reads (#33: TanStack Query rather than hand-written loading state). Every read is asked for again
 * when a page mounts or its key changes (staleTime 0): a dossier on screen is what the API says now. No retries (a
 * 403 or 404 is an answer, and a 503 says when to ask again) and no refetch on focus (a form being typed in stays put).
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 } },
});

/**
 * Loads what a page shows, keyed by the page's `name` and what it loads for (`deps`: a case id, a filter, the
 * position a command answered, for `waitForPosition`); `reload` after a command so the page shows what the API now
 * says. The last answer stays on screen until the next one is there (a page after a command keeps its forms and what
 * was typed in them); an error is shown only while the load that failed is the current one.
 */
export function useLoad<T>(name: string, load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; error: unknown; reload: () => void } {
  const query = useQuery({ queryKey: [name, ...deps], queryFn: load, placeholderData: keepPreviousData });
  return {
    data: query.data,
    error: query.isError ? query.error : undefined,
    reload: () => void query.refetch(),
  };
}
