/**
 * quality.high-cardinality — text columns with so many different values that they cannot serve as
 * groups, and columns that look like identifiers without being marked as ids.
 *
 * Definitions (distinct = different present values; share = distinct / present cells):
 *  - id-like: distinct > highCardinality (50) and share ≥ highCardinalityShare (50%): most rows
 *    have a value of their own, so the column mostly points at single rows (or people);
 *    also a whole-number column whose name says "id" (e.g. "customer_id") with every value different;
 *  - high-cardinality: distinct > highCardinality (50) with a smaller share.
 * Left out: columns marked as ids, the target, the prediction and score, yes/no columns.
 * Severity: id-like → low (it may identify people); high-cardinality → info.
 */
import type { Finding } from '../../findings/types';
import { ID_WORDS, matchWords, normaliseName } from '../../roles/vocabulary';
import type { NumberColumn } from '../../table';
import { cacheOf } from '../cache/check-cache';
import { codeCountsOf } from '../cache/shared-work';
import type { Check, CheckInput } from '../types';
import { checkedColumns, orPassed, qualityFinding, quoted, roleSets } from './common';

export const HIGH_CARDINALITY = 'quality.high-cardinality';

/** All present values different (one sort of a copy). */
function allDistinct(col: NumberColumn): { present: number; distinct: number } {
  let present = 0;
  for (let i = 0; i < col.valid.length; i++) present += col.valid[i]!;
  const sorted = new Float64Array(present);
  for (let i = 0, k = 0; i < col.valid.length; i++) if (col.valid[i] === 1) sorted[k++] = col.values[i]!;
  sorted.sort();
  let distinct = present > 0 ? 1 : 0;
  for (let i = 1; i < present; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return { present, distinct };
}

export const highCardinalityCheck: Check = {
  id: HIGH_CARDINALITY,
  category: 'quality',
  run(input: CheckInput) {
    const n = input.table.rowCount;
    const { highCardinality, highCardinalityShare } = input.options;
    const roles = roleSets(input.roles);
    const findings: Finding[] = [];
    const evidence: { column: string; distinct: number; present: number }[] = [];
    for (const col of checkedColumns(input)) {
      if (roles.ids.has(col.name) || roles.outputs.has(col.name) || col.name === roles.target) continue;
      let distinct: number;
      let present: number;
      let idLike: boolean;
      const examples: string[] = [];
      if (col.storage === 'codes') {
        if (col.kind === 'boolean' || col.kind === 'empty') continue;
        const c = codeCountsOf(cacheOf(input), col);
        present = c.present;
        distinct = 0;
        for (let k = 0; k < c.counts.length; k++) if (c.counts[k]! > 0) distinct++;
        idLike = present > 0 && distinct / present >= highCardinalityShare;
        // The first five values in use, without a filtered copy of the dictionary (700k values for free text).
        for (let k = 0; k < c.counts.length && examples.length < 5; k++) if (c.counts[k]! > 0) examples.push(quoted(col.dictionary[k]!));
      } else {
        if (col.kind !== 'integer' || !matchWords(normaliseName(col.name), ID_WORDS)) continue;
        ({ present, distinct } = allDistinct(col));
        if (present === 0 || distinct < present) continue;
        idLike = true;
      }
      evidence.push({ column: col.name, distinct, present });
      if (col.storage === 'codes' && distinct <= highCardinality) continue;
      findings.push(
        qualityFinding(HIGH_CARDINALITY, col.name, {
          severity: idLike ? 'low' : 'info',
          severityRule: 'Looks like an identifier (most rows have their own value) → low; many different values → info.',
          columns: [col.name],
          numbers: { distinct, present, share: present > 0 ? distinct / present : null, idLike, limit: highCardinality, freeText: col.kind === 'text' },
          examples,
          sampleSize: present,
        }),
      );
    }
    return { evidence: { columns: evidence }, findings: orPassed(findings, HIGH_CARDINALITY, { rows: n, limit: highCardinality }, n) };
  },
};
