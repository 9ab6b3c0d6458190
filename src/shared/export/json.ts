/**
 * The report JSON (docs/report-format.md) with personal data masked like the other exports. It
 * keeps the documented schema exactly (the schema allows no extra top-level field), so what was
 * masked is returned beside it, not inside it.
 */
import type { CheckReport } from '../report/check-report';
import { prepareReport, type PersonalDataPolicy, type PrivacyDisclosure } from './privacy';

export function renderJson(report: CheckReport, options: { personalData?: PersonalDataPolicy } = {}): { json: string; disclosure: PrivacyDisclosure } {
  const { report: shown, disclosure } = prepareReport(report, options.personalData);
  return { json: `${JSON.stringify(shown, null, 2)}\n`, disclosure };
}
