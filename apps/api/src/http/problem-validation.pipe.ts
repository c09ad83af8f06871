import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/**
 * PostgreSQL stores no NUL character (text and jsonb refuse U+0000), so a string with one would fail at the
 * append as a 500. Refused here, for every body, query and path value, as a 400 naming the field.
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = nulField(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (field !== null) {
      const message = 'must not contain the NUL character (U+0000)';
      throw new BadRequestException({ detail: `Invalid request: ${field || 'body'} ${message}`, errors: [{ field: field || 'body', message }] });
    }
    return super.transform(value, metadata);
  }
}

/** The path of the first string (or key) holding U+0000, or null. */
function nulField(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulField(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return at;
      const found = nulField(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Problems listed in one 400 answer, at most (#31). */
export const MAX_REPORTED_ERRORS = 100;

/**
 * class-validator on every body: unknown fields are rejected, not ignored (api.md), and each problem is
 * reported as `{ field, message }` in the 400 problem's `errors`.
 */
export function problemValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      // The first problems only: a body with thousands of wrong fields gets a short answer, not one as long as itself.
      const flat = flatten(errors);
      const shown = flat.slice(0, MAX_REPORTED_ERRORS);
      const more = flat.length > shown.length ? ` and ${flat.length - shown.length} more` : '';
      return new BadRequestException({ detail: `Invalid request body: ${shown.map((e) => e.field).join(', ')}${more}`, errors: shown });
    },
  });
}

function flatten(errors: readonly ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
