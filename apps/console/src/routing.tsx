import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';

/**
 * The console's few paths, kept in the address bar without anything personal (issue #19): `/`, `/zaken`,
 * `/zaken/<case id>` — a case id is a random UUID, never a name. Filters stay in the page, not the URL.
 */
export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return path;
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={window.location.pathname === to ? 'page' : undefined}>
      {children}
    </a>
  );
}
