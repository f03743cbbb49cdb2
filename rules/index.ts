/**
 * The ordered rule list: every rule the engine runs, in catalogue order (design.md).
 * To add a rule: write `rules/<family>/<id>.ts`, add it here, add its fixture.
 */
import type { Rule } from './types';

export const rules: readonly Rule[] = [];

/** Rule ids, for config validation and docs. */
export const ruleIds: readonly string[] = rules.map((r) => r.id);
