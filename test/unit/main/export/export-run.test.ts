import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { exportRun, EXPORT_FORMATS } from '../../../../src/main/export/export-run';
import { checkReportSchema } from '../../../../src/shared/report/report-schema';
import { tempDir } from '../../helpers/temp';
import { loanRun } from '../../shared/export/fixtures';

describe('exportRun', () => {
  const loan = loanRun();
  const dir = tempDir('slicewise-export-run-');

  test('writes each format to its path and says what was masked', async () => {
    for (const format of ['html', 'md', 'json', 'csv'] as const) {
      const path = join(dir, `loan.${format}`);
      const result = await exportRun(loan.report, { format, outPath: path, table: loan.table });
      assert.equal(result.format, format);
      assert.equal(result.bytes, statSync(path).size, format);
      assert.equal(result.disclosure.policy, 'mask');
      assert.deepEqual(result.disclosure.columns.map((c) => c.column), ['email', 'phone', 'applicant_name']);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['loan.csv', 'loan.html', 'loan.json', 'loan.md'], 'no temporary files left');
    assert.deepEqual(EXPORT_FORMATS, ['html', 'pdf', 'md', 'json', 'csv']);
  });

  test('the JSON keeps the documented schema exactly (what was masked is returned beside it)', async () => {
    const path = join(dir, 'schema.json');
    await exportRun(loan.report, { format: 'json', outPath: path });
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    assert.ok(checkReportSchema.safeParse(json).success);
    assert.deepEqual(Object.keys(json), Object.keys(loan.report));
  });

  test('the CSV reports how many rows it wrote; it needs the table the run checked', async () => {
    const result = await exportRun(loan.report, { format: 'csv', outPath: join(dir, 'rows.csv'), table: loan.table });
    assert.equal(result.rows, readFileSync(join(dir, 'rows.csv'), 'utf8').split('\r\n').length - 2);
    await assert.rejects(exportRun(loan.report, { format: 'csv', outPath: join(dir, 'x.csv') }), /needs the table/);
  });

  test("opting in ('include') is per export", async () => {
    const path = join(dir, 'full.csv');
    const result = await exportRun(loan.report, { format: 'csv', outPath: path, table: loan.table, personalData: 'include' });
    assert.equal(result.disclosure.policy, 'include');
    assert.ok(readFileSync(path, 'utf8').includes('omar.muller69@example.com'));
    assert.ok(!readFileSync(join(dir, 'loan.csv'), 'utf8').includes('omar.muller69@example.com'));
  });
});
