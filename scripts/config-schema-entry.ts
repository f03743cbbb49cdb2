// The entry point scripts/config-schema.mjs bundles: the registry's rules through the schema.
import { configSchema } from '../rules/engine/config-schema';
import { rules } from '../rules/index';

/** The config schema with every rule of the registry. */
export function schemaOfRegistry(): Record<string, unknown> {
  return configSchema(rules);
}
