/** A refusal of the API (problem+json): the status, its words, and the rule it names (409 names the rule id). */
/** A 400's problem with one field of the request (api.md: `errors: [{ field, message }]`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly rule: string | undefined,
    readonly errors: readonly FieldProblem[] = [],
    /** CLOSE1: the obligations a close left open (ids and kinds), for the page to name in words. */
    readonly openObligations: readonly { readonly obligationId: string; readonly kind: string }[] = [],
  ) {
    super(detail);
  }
}

export interface Me {
  readonly personId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly schools: readonly string[];
  readonly csrfToken: string;
}

let csrfToken = '';

/** Signed out (401): back to the sign-in, which comes back to the console. */
function signIn(): never {
  window.location.assign('/auth/login');
  throw new ApiError(401, 'Niet aangemeld', undefined);
}

async function problemOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as {
    detail?: string;
    rule?: string;
    errors?: FieldProblem[];
    openObligations?: { obligationId: string; kind: string }[];
  };
  return new ApiError(
    response.status,
    body.detail ?? response.statusText,
    body.rule,
    Array.isArray(body.errors) ? body.errors : [],
    Array.isArray(body.openObligations) ? body.openObligations : [],
  );
}

/** Who is signed in (DIR4: from the directory), and the CSRF token every change carries. */
export async function loadMe(): Promise<Me | null> {
  const response = await fetch('/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw await problemOf(response);
  const me = (await response.json()) as Me;
  csrfToken = me.csrfToken;
  return me;
}

export async function get<T>(path: string): Promise<T> {
  return (await getWithEtag<T>(path)).body;
}

/** A command: JSON in, the session's CSRF token with it (api.md "Sign-in"). */
export async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken, ...headers },
    body: JSON.stringify(body),
  });
  if (response.status === 401) signIn();
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/**
 * Ends the session. The page then says so rather than going to /auth/login: with a board's identity provider that
 * would sign the person straight back in (the provider's own session is still there).
 */
export async function signOut(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
}

/** A read whose `ETag` the page sends back as `If-Match` with its command: 412 when the case moved on meanwhile. */
export async function getWithEtag<T>(path: string): Promise<{ body: T; etag: string | null }> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': document.documentElement.lang } });
  if (response.status === 401) signIn();
  if (!response.ok) throw await problemOf(response);
  return { body: (await response.json()) as T, etag: response.headers.get('etag') };
}

/** A file the API makes (a CSV, a PDF, an audit bundle) saved by the browser: fetched with the session, never a URL with data. */
export async function download(path: string, accept: string, fileName: string): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept } });
  if (response.status === 401) signIn();
  if (!response.ok) throw await problemOf(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fileName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
