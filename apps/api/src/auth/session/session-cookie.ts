import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'casebook_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Loopback: the development machine, where the cookie may go without TLS. */
export function isLoopback(request: FastifyRequest): boolean {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '127.0.0.1' || host === '::1';
}

/** Whether the address the server binds to (`HOST`) is reachable from this machine only: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The session id of this request's cookie, or null. */
export function sessionIdOf(request: FastifyRequest): string | null {
  const value = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

/** `HttpOnly`, `SameSite=Lax`, `Secure` unless on loopback; no `Max-Age`: the server's expiry decides. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string): void {
  void (reply as FastifyReply & { setCookie: (name: string, value: string, options: object) => FastifyReply }).setCookie(SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLoopback(request),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void (reply as FastifyReply & { clearCookie: (name: string, options: object) => FastifyReply }).clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLoopback(request),
  });
}

/** The login under way (OIDC): only sent back to the callback, and only for as long as a login may take. */
export const LOGIN_COOKIE = 'casebook_login';
const LOGIN_COOKIE_PATH = '/auth/callback';

export function setLoginCookie(request: FastifyRequest, reply: FastifyReply, id: string): void {
  void (reply as FastifyReply & { setCookie: (name: string, value: string, options: object) => FastifyReply }).setCookie(LOGIN_COOKIE, id, {
    path: LOGIN_COOKIE_PATH,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET, which carries it; a cross-site POST or subrequest does not.
    sameSite: 'lax',
    secure: !isLoopback(request),
    maxAge: 10 * 60,
  });
}

export function loginIdOf(request: FastifyRequest): string | null {
  const value = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[LOGIN_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

export function clearLoginCookie(request: FastifyRequest, reply: FastifyReply): void {
  void (reply as FastifyReply & { clearCookie: (name: string, options: object) => FastifyReply }).clearCookie(LOGIN_COOKIE, {
    path: LOGIN_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLoopback(request),
  });
}
