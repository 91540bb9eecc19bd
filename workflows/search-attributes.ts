// Search attributes every procedure sets, so administrators list procedures by kind, unit,
// stage and next deadline (Temporal Web UI, `tartip list`, the HTTP API).
import { defineSearchAttributeKey } from '@temporalio/common';

export const PROCEDURE = defineSearchAttributeKey('TartipProcedure', 'KEYWORD');
export const UNIT = defineSearchAttributeKey('TartipUnit', 'KEYWORD');
export const STAGE = defineSearchAttributeKey('TartipStage', 'KEYWORD');
export const NEXT_DEADLINE = defineSearchAttributeKey('TartipNextDeadline', 'DATETIME');

/** For `temporal server start-dev --search-attribute Name=Type` and `operator search-attribute create`. */
export const SEARCH_ATTRIBUTE_FLAGS: Record<string, 'Keyword' | 'Datetime'> = {
  TartipProcedure: 'Keyword',
  TartipUnit: 'Keyword',
  TartipStage: 'Keyword',
  TartipNextDeadline: 'Datetime',
};
