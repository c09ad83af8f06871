import { createContext, useContext } from 'react';
import type { Me } from './api/client';

/** Who is signed in (DIR4: from the directory): the pages read their roles and schools from here. */
export const MeContext = createContext<Me | null>(null);
export const useMe = (): Me => {
  const me = useContext(MeContext);
  if (!me) throw new Error('Not signed in');
  return me;
};
export const hasRole = (me: Me, ...roles: string[]) => roles.some((role) => me.roles.includes(role));
