import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Loads what a page shows; `reload` after a command so the page shows what the API now says. The page's `deps`
 * (what it loads for) key each load. The last answer stays on screen until the next one is there (a page after a
 * command keeps its forms and what was typed in them); an error is shown only for the load that failed. State is
 * set only when an answer arrives, never while rendering or synchronously in the effect (eslint-plugin-react-hooks).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; error: unknown; reload: () => void } {
  const key = JSON.stringify(deps);
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<{ data: T }>();
  const [failure, setFailure] = useState<{ key: string; round: number; error: unknown }>();
  // The latest `load` of the page, called by the effect without making it one of the effect's dependencies.
  const start = useEffectEvent(load);
  useEffect(() => {
    let current = true;
    start().then(
      (data) => current && setResult({ data }),
      (error: unknown) => current && setFailure({ key, round, error }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  return {
    data: result?.data,
    error: failure?.key === key && failure.round === round ? failure.error : undefined,
    reload: () => setRound((n) => n + 1),
  };
}
