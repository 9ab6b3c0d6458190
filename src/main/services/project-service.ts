import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { DatasetSummary, LastRunSummary, ProjectInfo } from '../../shared/domain';
import { formatCell } from '../../shared/format-cell';
import type { DatasetRoles, RolesState } from '../../shared/roles/dataset-roles';
import { SlicewiseError } from '../../shared/errors';
import { columnShapes, getDataset, listDatasets, loadRowRange } from '../store/datasets';
import { getRoles, setRoles } from '../store/roles';
import { latestCheckup } from '../store/runs';
import { getSetting, listAudit, putSetting, recordAudit, type AuditEntry } from '../store/audit';
import { modelCardTextSchema, type ModelCardText } from '../../shared/model-card/model-card';

const MODEL_CARD_SETTING = 'modelCard';
import { ALERT_RULES_SETTING, alertRules, projectTimeline } from '../store/history';
import type { AlertRule } from '../../shared/history/rules';
import type { TimelinePoint } from '../../shared/history/timeline';
import type { ColumnShape } from '../store/table-codec';
import { ProjectDb } from '../store/project-db';
import { recoverProject, type RecoveryReport } from '../store/recover';
import type { SqliteOptions } from '../store/sqlite';
import type { RecentProjects } from './recent-projects';

export const PROJECT_EXTENSION = '.slicewise';

/** A file name a person would recognise, safe on every OS. */
export function projectFileStem(name: string): string {
  const stem = name
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80);
  return stem || 'Untitled';
}

/** Open projects, by an id that lives as long as the app session. */
export class ProjectService {
  private readonly open = new Map<string, ProjectDb>();
  /** Column shapes (with dictionaries) per open dataset, so preview pages do not re-read them. */
  private readonly shapes = new Map<string, ColumnShape[]>();

  constructor(
    private readonly opts: SqliteOptions & { appVersion: string; projectsDir: string; recent: RecentProjects },
  ) {}

  create(name: string): ProjectInfo {
    mkdirSync(this.opts.projectsDir, { recursive: true });
    const stem = projectFileStem(name);
    let path = join(this.opts.projectsDir, `${stem}${PROJECT_EXTENSION}`);
    for (let k = 2; existsSync(path); k++) path = join(this.opts.projectsDir, `${stem} ${k}${PROJECT_EXTENSION}`);
    const db = ProjectDb.create(path, name, this.opts);
    return this.register(db);
  }

  openFile(path: string): ProjectInfo {
    const absolute = resolve(path);
    if (!absolute.endsWith(PROJECT_EXTENSION)) {
      throw new SlicewiseError({
        code: 'PROJECT_UNREADABLE',
        message: `${absolute} is not a Slicewise project (project files end in ${PROJECT_EXTENSION}). To analyse a data file, import it instead.`,
      });
    }
    for (const [id, db] of this.open) if (db.path === absolute) return this.info(id);
    return this.register(ProjectDb.open(absolute, this.opts));
  }

  /**
   * For a project that was refused as damaged: copies everything still readable into a new file
   * next to it (the damaged file is only read, never changed) and opens the new one. The report
   * says what was recovered and what was lost, in words and in numbers.
   */
  recoverFile(path: string): { project: ProjectInfo; report: RecoveryReport } {
    const report = recoverProject(resolve(path), { nativeBinding: this.opts.nativeBinding });
    return { project: this.register(ProjectDb.open(report.target, this.opts)), report };
  }

  /** Opens the project at `path`, creating it there first when no file exists (the CLI's --project). */
  openOrCreate(path: string): ProjectInfo {
    const absolute = resolve(path);
    if (existsSync(absolute)) return this.openFile(absolute);
    if (!absolute.endsWith(PROJECT_EXTENSION)) {
      throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `A project file name must end in ${PROJECT_EXTENSION}: ${absolute}` });
    }
    mkdirSync(dirname(absolute), { recursive: true });
    const name = basename(absolute, PROJECT_EXTENSION);
    return this.register(ProjectDb.create(absolute, name, this.opts));
  }

  get(projectId: string): ProjectDb {
    const db = this.open.get(projectId);
    if (!db) throw new SlicewiseError({ code: 'NOT_FOUND', message: 'That project is not open any more. Open it again from the home screen.' });
    return db;
  }

  info(projectId: string): ProjectInfo {
    const project = this.get(projectId);
    const meta = project.meta();
    return {
      id: projectId,
      name: meta.name,
      path: project.path,
      createdAt: meta.createdAt,
      schemaVersion: project.schemaVersion(),
      datasets: listDatasets(project.db),
    };
  }

  dataset(projectId: string, datasetId: number): DatasetSummary {
    return getDataset(this.get(projectId).db, datasetId);
  }

  roles(projectId: string, datasetId: number): RolesState {
    return getRoles(this.get(projectId).db, datasetId);
  }

  setRoles(projectId: string, datasetId: number, roles: DatasetRoles): DatasetRoles {
    const db = this.get(projectId).db;
    // The roles and their audit line are written together or not at all.
    return db.transaction(() => setRoles(db, datasetId, roles))();
  }

  timeline(projectId: string): { points: TimelinePoint[]; rules: AlertRule[]; defaults: boolean } {
    const db = this.get(projectId).db;
    return { points: projectTimeline(db), ...alertRules(db) };
  }

  setAlertRules(projectId: string, rules: AlertRule[]): AlertRule[] {
    const db = this.get(projectId).db;
    db.transaction(() => {
      putSetting(db, ALERT_RULES_SETTING, rules);
      recordAudit(db, { action: 'settings', summary: `Alert rules set (${rules.length})`, details: { rules } });
    })();
    return rules;
  }

  /** What the person wrote for the model card (empty fields until they do). */
  modelCardText(projectId: string): ModelCardText {
    const stored = getSetting<unknown>(this.get(projectId).db, MODEL_CARD_SETTING);
    const parsed = modelCardTextSchema.safeParse(stored ?? {});
    return parsed.success ? parsed.data : modelCardTextSchema.parse({});
  }

  setModelCardText(projectId: string, text: ModelCardText): ModelCardText {
    const db = this.get(projectId).db;
    const before = this.modelCardText(projectId);
    const changed = (Object.keys(text) as (keyof ModelCardText)[]).filter((k) => text[k] !== before[k]);
    db.transaction(() => {
      putSetting(db, MODEL_CARD_SETTING, text);
      if (changed.length) recordAudit(db, { action: 'settings', summary: `Model card text changed: ${changed.join(', ')}`, details: { changed } });
    })();
    return text;
  }

  audit(projectId: string, limit?: number): AuditEntry[] {
    return listAudit(this.get(projectId).db, limit);
  }

  /** A window of rows as text for the preview grid; decodes only the chunks that hold them. */
  rows(projectId: string, datasetId: number, offset: number, limit: number): { offset: number; rows: (string | null)[][] } {
    const db = this.get(projectId).db;
    const key = `${projectId}/${datasetId}`;
    let shapes = this.shapes.get(key);
    if (!shapes) {
      getDataset(db, datasetId); // NOT_FOUND for a dataset that does not exist
      shapes = columnShapes(db, datasetId);
      this.shapes.set(key, shapes);
    }
    const { table, firstRow } = loadRowRange(db, datasetId, offset, limit, shapes);
    const rows: (string | null)[][] = [];
    const from = offset - firstRow;
    const to = Math.min(table.rowCount, from + limit);
    for (let r = Math.max(0, from); r < to; r++) rows.push(table.columns.map((c) => formatCell(c, r)));
    return { offset, rows };
  }

  close(projectId: string): void {
    for (const key of [...this.shapes.keys()]) if (key.startsWith(`${projectId}/`)) this.shapes.delete(key);
    this.open.get(projectId)?.close();
    this.open.delete(projectId);
  }

  /** Deletes an open project's file if it holds no datasets; refuses otherwise. */
  discard(projectId: string): void {
    const project = this.get(projectId);
    if (listDatasets(project.db).length > 0) {
      throw new SlicewiseError({ code: 'INVALID_REQUEST', message: `${basename(project.path)} holds data, so it was not deleted.` });
    }
    this.close(projectId);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${project.path}${suffix}`, { force: true });
    this.opts.recent.forget(project.path);
  }

  /** Drops what is kept in memory about a dataset (it was deleted; its id may be used again). */
  forgetDataset(projectId: string, datasetId: number): void {
    this.shapes.delete(`${projectId}/${datasetId}`);
  }

  /** Tells the recent list the project's newest check-up (after one finished or a run was deleted). */
  noteLastRun(projectId: string): void {
    const project = this.open.get(projectId);
    if (!project) return;
    const last = newestCheckup(project);
    if (last !== undefined) this.opts.recent.noteLastRun(project.path, last);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  private register(db: ProjectDb): ProjectInfo {
    db.leaveCheckpointsToWorkers();
    const id = randomUUID();
    this.open.set(id, db);
    const info = this.info(id);
    this.opts.recent.touch(db.path, info.name, newestCheckup(db));
    return info;
  }
}

/** The project's newest check-up for the recent list; undefined when it cannot be read (what was known stays). */
function newestCheckup(project: ProjectDb): LastRunSummary | null | undefined {
  try {
    return latestCheckup(project.db);
  } catch {
    return undefined;
  }
}
