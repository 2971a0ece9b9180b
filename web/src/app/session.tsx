import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.tsx';

interface Session {
  me: Me;
  logout: () => Promise<void>;
}
const SessionContext = createContext<Session | null>(null);

/**
 * Who is logged in. The agent app wants an agent, the customer portal a customer user: anyone else
 * (or nobody) gets that side's login page instead.
 */
export function SessionProvider({ kind, children }: { kind: 'agent' | 'customer'; children: ReactNode }) {
  const queryClient = useQueryClient();
  const resetting = window.location.pathname.endsWith('/reset-password');
  const current = useQuery({
    enabled: !resetting,
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const me = await api<Me>('GET', '/sessions/current');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (resetting) return <ResetPasswordPage as={kind} />;
  if (current.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  const me = current.data;
  if (me?.kind !== kind) return <LoginPage as={kind} />;
  const logout = async () => {
    await api('DELETE', '/sessions/current');
    setCsrfToken(undefined);
    queryClient.clear();
    queryClient.setQueryData(['session'], null);
  };
  return <SessionContext.Provider value={{ me, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
