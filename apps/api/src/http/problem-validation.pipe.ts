import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/**
 * class-validator on every body: unknown fields are rejected, not ignored (api.md), and each problem is
 * reported as `{ field, message }` in the 400 problem's `errors`.
 */
export function problemValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const flat = flatten(errors);
      return new BadRequestException({ detail: `Invalid request body: ${flat.map((e) => e.field).join(', ')}`, errors: flat });
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
