/**
 * The data-quality checks, in the order a report lists them when severities tie: completeness,
 * repeats, empty and constant columns, types, values, the outcome, and relations between columns.
 * Each is a pure Check (src/shared/checks/types.ts); texts live in src/shared/text/en/quality.ts.
 */
import type { Check } from '../types';
import { associatedCategoriesCheck } from './association';
import { highCardinalityCheck } from './cardinality';
import { conflictingLabelsCheck } from './conflicting-labels';
import { constantColumnsCheck, emptyColumnsCheck } from './constant';
import { correlatedColumnsCheck } from './correlation';
import { duplicateIdsCheck, duplicateRowsCheck, nearDuplicatesCheck } from './duplicates';
import { classImbalanceCheck } from './imbalance';
import { impossibleValuesCheck } from './impossible';
import { targetLeakageCheck } from './leakage';
import { missingRowsCheck, missingValuesCheck } from './missing';
import { missingTokensCheck } from './missing-tokens';
import { mixedTypesCheck, numbersAsTextCheck } from './mixed-types';
import { outliersCheck, skewCheck } from './outliers';
import { inconsistentSpellingsCheck, surroundingSpacesCheck } from './spellings';

export const qualityChecks: Check[] = [
  missingValuesCheck,
  missingRowsCheck,
  missingTokensCheck,
  duplicateRowsCheck,
  duplicateIdsCheck,
  nearDuplicatesCheck,
  emptyColumnsCheck,
  constantColumnsCheck,
  mixedTypesCheck,
  numbersAsTextCheck,
  highCardinalityCheck,
  inconsistentSpellingsCheck,
  surroundingSpacesCheck,
  outliersCheck,
  skewCheck,
  impossibleValuesCheck,
  classImbalanceCheck,
  conflictingLabelsCheck,
  targetLeakageCheck,
  correlatedColumnsCheck,
  associatedCategoriesCheck,
];

export const QUALITY_CHECK_IDS: readonly string[] = qualityChecks.map((c) => c.id);
