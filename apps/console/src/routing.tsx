import type { MouseEvent, ReactNode } from 'react';
import { useHistoryState, navigate as navigateTo, usePathname } from 'wouter/use-browser-location';

/**
 * The console's paths, kept without anything personal (issue #19): a case is `/zaken/<its random UUID>`; a pupil or a
 * staff member chosen on a page travels in the history entry's state (back and forward keep it), never in the address.
 * The api serves the same list (apps/api/src/console/home.controller.ts, CONSOLE_PATHS).
 */
export interface Location {
  readonly path: string;
  readonly state: Readonly<Record<string, string>> | null;
}

/** The address and its history entry's state, as wouter's browser location hooks give them (#33: a router library). */
export function useLocation(): Location {
  const path = usePathname();
  const state = useHistoryState() as Location['state'];
  return { path, state: state ?? null };
}

export function navigate(path: string, state: Location['state'] = null): void {
  navigateTo(path, { state });
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
