import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CONTRACT_LIST } from './integration-event-contracts';

/** Validates a message against the JSON Schema of the contract its `type` names. */
export class ContractValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const contract of CONTRACT_LIST) this.validators.set(contract.type, ajv.compile(contract.schema));
  }

  /** The problems with `message`, or an empty list when it fits its contract. */
  problems(message: unknown): string[] {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    const validate = typeof type === 'string' ? this.validators.get(type) : undefined;
    if (!validate) return [`unknown contract type ${JSON.stringify(type)}`];
    if (validate(message)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  }
}
