/** RFC 9457 problem details: the body of every error response (api.md, "Errors"). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  /** For 400: which fields are wrong and why (a CSV import: on which line too). */
  readonly errors?: readonly { readonly field: string; readonly message: string; readonly line?: number }[];
  /** For 409: the domain rule that refused the command (M2, B1, ...). */
  readonly rule?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  const title = TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
  return {
    type: `https://casebook.example/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title,
    status,
    detail,
    ...extra,
  };
}
