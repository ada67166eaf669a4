import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, call, refreshSession, tokens } from './api/client';
import type { Me, TokenPair } from './api/types';
import { queryClient } from './query';

interface Auth {
  me: Me | null;
  /** True until the first check of a stored session is done. */
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  /** After an invitation was accepted: the API answered with a token pair. */
  adopt(accessToken: string, refreshToken: string): Promise<void>;
  signOut(): Promise<void>;
  reload(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setMe(await call<Me>(api.GET('/auth/me')));
  }, []);

  useEffect(() => {
    tokens.onSignedOut(() => {
      queryClient.clear();
      setMe(null);
    });
    (async () => {
      if (tokens.hasSession() && (await refreshSession())) await reload().catch(() => setMe(null));
      setLoading(false);
    })();
  }, [reload]);

  const adopt = useCallback(
    async (accessToken: string, refreshToken: string) => {
      tokens.set(accessToken, refreshToken);
      await reload();
    },
    [reload],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const pair = await call<TokenPair>(api.POST('/auth/login', { body: { email, password } }));
      await adopt(pair.accessToken, pair.refreshToken);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    await call(api.POST('/auth/logout')).catch(() => undefined);
    tokens.clear();
    // Nothing one person read stays in the cache for the next one to see.
    queryClient.clear();
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, loading, signIn, adopt, signOut, reload }),
    [me, loading, signIn, adopt, signOut, reload],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user (pages behind the sign-in gate only). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('not signed in');
  return me;
}

export const orgsOfKind = (me: Me, ...kinds: string[]) =>
  me.memberships.filter((m) => kinds.includes(m.organizationKind));
export const isAdmin = (me: Me) => me.platformRole === 'admin';
