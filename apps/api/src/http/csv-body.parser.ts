import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * text/csv for the directory imports (DIR2): UTF-8 only (another charset is 415), kept as text for the import to
 * read. An export of a board's 50,000 pupils is some 5 MB, its parents some 8 MB: these bodies may be larger than
 * api.md's 1 MiB for JSON, up to 16 MiB (413 beyond; it was 64 MiB, and a 50 MB file took the api to 2.7 GB, #31).
 */
export const CSV_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** Decoding that refuses what is not UTF-8, rather than reading "Café" in Latin-1 as "Caf\uFFFD" (#31). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function useCsvBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT_BYTES }, (request: FastifyRequest, body: string | Buffer, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(request.headers['content-type'] ?? ''))?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(Object.assign(new Error(`CSV files are read as UTF-8, not ${charset}`), { statusCode: 415 }), undefined);
      return;
    }
    let text: string;
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch {
      done(Object.assign(new Error('The file is not valid UTF-8: save it as UTF-8 (CSV UTF-8) and send it again'), { statusCode: 400 }), undefined);
      return;
    }
    done(null, text);
  });
}
