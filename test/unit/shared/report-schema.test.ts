import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { checkReportSchema, reportJsonSchema } from '../../../src/shared/report/report-schema';
import { Writable } from 'node:stream';

const ROOT = join(import.meta.dirname, '../../..');

test('docs/report.schema.json is generated from the schema in the code (run scripts/report-schema.ts)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8'), `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
});

test('a real check-up report of the example satisfies the schema', async () => {
  let out = '';
  const io = {
    out: new Writable({ write: (c, _e, cb) => ((out += c.toString()), cb()) }),
    err: new Writable({ write: (_c, _e, cb) => cb() }),
  };
  assert.equal(await main(['check', join(ROOT, 'resources/examples/loan-applications.csv'), '--json', '-'], io), 0);
  const parsed = checkReportSchema.safeParse(JSON.parse(out));
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  assert.ok(parsed.data.findings!.length > 10);
  assert.equal(parsed.data.performance?.task, 'binary');
});
