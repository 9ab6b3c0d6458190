import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ExampleInfo } from '../../shared/domain';
import { SlicewiseError } from '../../shared/errors';

const manifestSchema = z.array(
  z.object({ id: z.string(), title: z.string(), description: z.string(), fileName: z.string(), laterBatchOf: z.string().optional() }).strict(),
);

/** The example datasets shipped in resources/examples (see resources/examples/README.md). */
export class Examples {
  private readonly dir: string;
  private readonly list: ExampleInfo[];

  constructor(resourcesDir: string) {
    this.dir = join(resourcesDir, 'examples');
    const manifest = join(this.dir, 'examples.json');
    this.list = existsSync(manifest) ? manifestSchema.parse(JSON.parse(readFileSync(manifest, 'utf8'))) : [];
  }

  all(): ExampleInfo[] {
    return this.list;
  }

  find(id: string): { info: ExampleInfo; path: string } {
    const info = this.list.find((e) => e.id === id);
    if (!info) throw new SlicewiseError({ code: 'NOT_FOUND', message: `There is no example called "${id}".` });
    return { info, path: join(this.dir, info.fileName) };
  }
}
