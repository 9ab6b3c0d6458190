/**
 * The headless command: the same services and engine as the app, for scripts and CI.
 *   slicewise check <file> [options]
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SlicewiseError, toErrorData } from '../shared/errors';
import { CHECK_FLAG_OPTIONS } from './check-flags';
import { runCheck } from './commands/check';
import { COMPARE_MODELS_FLAG_OPTIONS, runCompareModels } from './commands/compare-models';
import { CARD_FLAG_OPTIONS, runCard } from './commands/card';
import { COMPARE_FLAG_OPTIONS, runCompare } from './commands/compare';
import { REPORT_FLAG_OPTIONS, runReport } from './commands/report';
import { appVersion, EXIT, type CliIo } from './services';

export { EXIT, type CliIo } from './services';

const USAGE = `Slicewise — a private check-up of a dataset, on your own computer.

Usage:
  slicewise check <file> [options]     Import a table (CSV, Excel, JSON, Parquet, Arrow) and run the check-up
                                       (<file> = - reads the table from standard input)
  slicewise compare <reference> <current> [options]
                                       Compare two batches column by column (what changed, and how much)
  slicewise compare-models <file> --a <column> --b <column> [--score-a <column> --score-b <column>]
                           [--b-file <file> [--key <column>|<a>=<b>]]   (the new model's answers in a file of their own)
                                       Two models on the same rows: who is right more often, for whom
  slicewise report <project> [--run N] --html|--pdf|--md|--json|--csv <file> …
                                       Export a stored check-up (the newest unless --run)
  slicewise card <project> [--run N] --md|--html <file> [--owner … --intended-use … --out-of-scope …
                 --data-description … --limitations …]
                                       The model card: what you wrote, what was measured, NIST AI RMF mapping
  slicewise --help | --version

Options for check:
  --json <file>          Also write the report as JSON (use - for standard output)
  --project <file>       Keep the import and the run in this project file (*.slicewise; created if missing)
  --quiet                Print nothing but errors (and JSON if --json -)

 Roles (without them, Slicewise uses its own guesses, printed with the summary):
  --target <column>      The column that says what really happened
  --prediction <column>  The model's decision or guess
  --score <column>       The model's score between 0 and 1
  --positive <value>     The outcome value that counts as positive
  --task <kind>          binary | multiclass | regression
  --sensitive <a,b>      Columns that describe people in ways the law protects
  --missing-tokens <a,b> Cell values to read as missing (default: "", NA, N/A, NaN, nan, null, NULL, None, ?)

 Fairness and slices:
  --intersect <a+b>      Intersections of sensitive columns to examine (repeatable; default: every pair and triple)
  --min-group-size <n>   Smallest group for a verdict (default 30)
  --reference-group <column=group>  The group others are compared with (default: the largest; repeatable)
  --slice <conditions>   A slice of your own, e.g. "age >= 60 & region = North" (repeatable)
  --fdr <q>              False discovery rate for slices and group gaps (default 0.05)

 Gates (exit 1 when one fails; a number that cannot be computed fails its gate):
  --fail-on <severity>   critical | high | medium | low: fail when a finding at or above it exists
  --min-accuracy <x>     --min-auc <x>     --max-ece <x>
  --max-dp-difference <x>   Largest gap in selection rates between groups
  --min-dp-ratio <x>        Smallest ratio of selection rates (the four-fifths rule is 0.8)
  --max-eo-difference <x>   Largest equalized-odds difference
  --config <file.json>   { "options": { ...check options }, "gates": { "failOn": "high", "minAccuracy": 0.8, ... } };
                         flags override the file

Options for compare (also --json, --project, --quiet, the role options and --fail-on):
  --max-psi <x>          Gate: fail when any column's PSI is above x (0.1 moderate, 0.25 major change)
  --max-share-drifted <x>  Gate: fail when more than this share of columns changed

Options for report:
  --run <n>              Which check-up of the project (default: the newest)
  --html <file>          A self-contained web page (opens offline in any browser)
  --pdf <file>           A PDF: a one-page summary, then the details (needs Chrome or Chromium)
  --md <file>  --json <file>
  --csv <file>           The flagged rows (duplicates, outliers, conflicting labels, weak slices), with reasons
  --include-personal-data  Keep values of columns that look like personal data (masked by default)
  --drop-personal-data     Leave those values out entirely

Exit codes: 0 done (every gate held), 1 a gate failed, 2 usage or input error.`;

export async function main(argv: string[], io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'string' },
        project: { type: 'string' },
        target: { type: 'string' },
        prediction: { type: 'string' },
        score: { type: 'string' },
        positive: { type: 'string' },
        task: { type: 'string' },
        sensitive: { type: 'string' },
        'missing-tokens': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        ...CHECK_FLAG_OPTIONS,
        ...REPORT_FLAG_OPTIONS,
        ...COMPARE_FLAG_OPTIONS,
        ...CARD_FLAG_OPTIONS,
        ...COMPARE_MODELS_FLAG_OPTIONS,
      },
    });
  } catch (err) {
    io.err.write(`slicewise: ${(err as Error).message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.out.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (values.version) {
    io.out.write(`${appVersion()}\n`);
    return EXIT.ok;
  }
  const [command, file, ...extra] = positionals;
  try {
    if (command === 'check' && file && extra.length === 0) return await runCheck(file, values, io);
    if (command === 'report' && file && extra.length === 0) return await runReport(file, values, io);
    if (command === 'compare-models' && file && extra.length === 0) return await runCompareModels(file, values, io);
    if (command === 'card' && file && extra.length === 0) return await runCard(file, values, io);
    if (command === 'compare' && file && extra.length === 1) return await runCompare(file, extra[0]!, values, io);
  } catch (err) {
    const data = err instanceof SlicewiseError ? err.toData() : toErrorData(err);
    io.err.write(`slicewise: ${data.message}\n`);
    return EXIT.usage;
  }
  io.err.write(`slicewise: ${command ? `unknown command or arguments: ${positionals.join(' ')}` : 'no command given'}\n\n${USAGE}\n`);
  return EXIT.usage;
}

function isInvokedDirectly(): boolean {
  // npx and npm link call the bin through a symlink; compare real paths.
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isInvokedDirectly()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`slicewise: ${(err as Error).message}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
