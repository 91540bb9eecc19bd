// The editions of Law No 148 known to tartip, oldest first. A new edition is a new module built
// with defineEdition({ basedOn, overrides }); nothing in an older edition is edited in place.
import { KZ_148_2018 } from './kz-148-2018.js';
import type { Edition } from './types.js';

export { KZ_148_2018, SOURCE_FILE } from './kz-148-2018.js';
import type { Kz148_2018RuleId } from './kz-148-2018.js';

/**
 * Every rule id of every edition known to tartip (a union; a later edition adds its own ids with
 * `| KzNewEditionRuleId`). test/statute/editions.test.ts checks it against the editions' data.
 */
export type RuleId = Kz148_2018RuleId;
export { defineEdition, checkRule, isIsoDate } from './types.js';
export type * from './types.js';

export const EDITIONS: readonly Edition[] = Object.freeze([KZ_148_2018]);
