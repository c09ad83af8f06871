import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper than any body of api.md (its deepest is 3: involved[].person) with a wide margin. */
export const MAX_JSON_DEPTH = 32;

/** A client error Fastify hands to the problem filter with its status (the filter maps 4xx statusCodes). */
function clientError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}

/**
 * Members (key: value pairs) in one body, at most. api.md's largest JSON body holds a few dozen; a body of 60,000
 * unknown keys held the event loop 4.3 s in validation and answered a 4.5 MB error (#31).
 */
export const MAX_JSON_MEMBERS = 2_000;

/**
 * What a body would cost before it is parsed, in one linear scan that skips strings: nesting deeper than `depthLimit`
 * (parsing a body nested 100,000 deep would exhaust the stack, a 500) or more than `memberLimit` object members.
 */
export function jsonShapeExceeds(text: string, depthLimit: number, memberLimit: number): 'depth' | 'members' | null {
  let depth = 0;
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > depthLimit) return 'depth';
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
    else if (c === 0x3a && (members += 1) > memberLimit) return 'members';
  }
  return null;
}

/**
 * application/json as api.md says: UTF-8 only (another charset is 415, not silently read as UTF-8), at most
 * MAX_JSON_DEPTH deep and MAX_JSON_MEMBERS fields (400), then Fastify's own parser, which refuses `__proto__` and `constructor.prototype`.
 */
export function useStrictJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, body: string | Buffer, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(request.headers['content-type'] ?? ''))?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(clientError(415, `Bodies are JSON in UTF-8, not ${charset}`), undefined);
      return;
    }
    const exceeds = jsonShapeExceeds(String(body), MAX_JSON_DEPTH, MAX_JSON_MEMBERS);
    if (exceeds === 'depth') {
      done(clientError(400, `The body is nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    if (exceeds === 'members') {
      done(clientError(400, `The body has more than ${MAX_JSON_MEMBERS} fields`), undefined);
      return;
    }
    void parse(request, body as string, done);
  });
}
