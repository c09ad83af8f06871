import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';

/**
 * The console's paths, kept without anything personal (issue #19): a case is `/zaken/<its random UUID>`; a pupil or a
 * staff member chosen on a page travels in the history entry's state (back and forward keep it), never in the address.
 * The api serves the same list (apps/api/src/console/home.controller.ts, CONSOLE_PATHS).
 */
export interface Location {
  readonly path: string;
  readonly state: Readonly<Record<string, string>> | null;
}

const current = (): Location => ({ path: window.location.pathname, state: (window.history.state as Location['state']) ?? null });

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return location;
}

export function navigate(path: string, state: Location['state'] = null): void {
  window.history.pushState(state, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** The same page with other state (a pupil chosen), as its own history entry. */
export const navigateState = (state: Location['state']) => navigate(window.location.pathname, state);

export function Link({ to, state = null, children, className }: { to: string; state?: Location['state']; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to, state);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={!state && window.location.pathname === to ? 'page' : undefined}>
      {children}
    </a>
  );
}
