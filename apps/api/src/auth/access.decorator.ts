import { SetMetadata } from '@nestjs/common';
import type { Operation } from './access-policy';

export const ACCESS_OPERATIONS = 'casebook:access-operations';

/**
 * Names the row(s) of the authorization table (access-policy.ts) this handler serves. The bearer guard refuses
 * a route without one (fail closed), and a caller who holds none of the rows' roles.
 */
export const Access = (...operations: [Operation, ...Operation[]]) => SetMetadata(ACCESS_OPERATIONS, operations);
