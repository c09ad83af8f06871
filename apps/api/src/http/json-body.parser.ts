import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper than any body of api.md (its deepest is 3: involved[].person) with a wide margin. */
export const MAX_JSON_DEPTH = 32;

/** A client error Fastify hands to the problem filter with its status (the filter maps 4xx statusCodes). */
function clientError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}

/**
 * The nesting depth of a JSON text, without parsing it: a linear scan that skips strings. Parsing a body nested
 * 100,000 deep would exhaust the stack (a 500), and validating one nested thousands deep would too.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
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
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

/**
 * application/json as api.md says: UTF-8 only (another charset is 415, not silently read as UTF-8), at most
 * MAX_JSON_DEPTH deep (400), then Fastify's own parser, which refuses `__proto__` and `constructor.prototype`.
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
    if (jsonDepthExceeds(String(body), MAX_JSON_DEPTH)) {
      done(clientError(400, `The body is nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    void parse(request, body as string, done);
  });
}
