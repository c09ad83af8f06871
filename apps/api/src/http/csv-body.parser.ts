import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * text/csv for the directory imports (DIR2): UTF-8 only (another charset is 415), kept as text for the import to
 * read. An export of a board's 50,000 pupils is some 5 MB: these bodies may be larger than api.md's 1 MiB for JSON.
 */
export const CSV_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export function useCsvBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT_BYTES }, (request: FastifyRequest, body: string | Buffer, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(request.headers['content-type'] ?? ''))?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(Object.assign(new Error(`CSV files are read as UTF-8, not ${charset}`), { statusCode: 415 }), undefined);
      return;
    }
    done(null, String(body));
  });
}
