/**
 * App-wide settings that are not part of any project (recent projects, window bounds), kept in a
 * small JSON file in the app's data folder. Written atomically (temp file + rename) so a crash
 * never leaves half a file; a damaged file is set aside and replaced with defaults.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({
  recentProjects: z
    .array(
      z.object({
        path: z.string(),
        name: z.string(),
        lastOpenedAt: z.string(),
        // Absent in files written before it was kept; null when the project has no check-up.
        lastRun: z
          .object({ runId: z.number(), at: z.string(), issues: z.number(), passed: z.number(), notEnoughData: z.number() })
          .nullable()
          .optional(),
      }),
    )
    .default([]),
  windowBounds: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), maximized: z.boolean() })
    .optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export class SettingsStore {
  private value: Settings;

  constructor(private readonly file: string) {
    this.value = this.load();
  }

  get(): Settings {
    return this.value;
  }

  update(change: (s: Settings) => Settings): Settings {
    this.value = settingsSchema.parse(change(structuredClone(this.value)));
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.value, null, 2));
    renameSync(tmp, this.file);
    return this.value;
  }

  private load(): Settings {
    if (!existsSync(this.file)) return settingsSchema.parse({});
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // Keep the damaged file for inspection instead of silently overwriting it.
      try {
        renameSync(this.file, `${this.file}.damaged-${Date.now()}`);
      } catch {
        /* nothing more we can do; defaults still work */
      }
      return settingsSchema.parse({});
    }
  }
}
