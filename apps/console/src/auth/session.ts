/** The signed-in user's token, kept in this tab's sessionStorage only: never in a URL, gone with the tab. */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the engine refuses the token. */
  expiresAt: number;
}

const KEY = 'console.session';

export function readSession(now = Date.now()): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  const session = JSON.parse(stored) as Session;
  return session.expiresAt > now ? session : null;
}

export function saveSession(accessToken: string, expiresInSeconds: number): void {
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken, expiresAt: Date.now() + expiresInSeconds * 1000 }));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Where the user was (path and query under /console), kept in the login URL to go back after signing in. */
export function loginPath(returnTo: string): string {
  return returnTo === '/' || returnTo.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(returnTo)}`;
}

/** Only a path inside the console: `next` comes from the address bar and must not send the user elsewhere. */
export function safeReturnPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/';
}
