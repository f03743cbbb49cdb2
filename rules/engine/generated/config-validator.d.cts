// Types of the validator scripts/config-schema.mjs generates beside this file (ajv standalone code).
import type { ErrorObject } from 'ajv';

interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
declare const validate: Validate;
export = validate;
