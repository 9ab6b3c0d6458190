import type { Dialogs } from '../../../src/main/services/ports';

/**
 * Stands in for the native open dialogs: a test queues the answers (a path, or null for
 * "cancelled") and can see how often each dialog was shown. An empty queue answers "cancelled".
 */
export class ScriptedDialogs implements Dialogs {
  private readonly projectAnswers: (string | null)[] = [];
  private readonly dataAnswers: (string | null)[] = [];
  private readonly saveAnswers: (string | null)[] = [];
  readonly shown = { projectFile: 0, dataFile: 0, savePath: 0 };
  /** The names the save dialog offered, in order. */
  readonly suggested: string[] = [];

  answerSavePath(path: string | null): void {
    this.saveAnswers.push(path);
  }

  answerProjectFile(path: string | null): void {
    this.projectAnswers.push(path);
  }

  answerDataFile(path: string | null): void {
    this.dataAnswers.push(path);
  }

  async chooseProjectFile(): Promise<string | null> {
    this.shown.projectFile++;
    return this.projectAnswers.shift() ?? null;
  }

  async chooseDataFile(): Promise<string | null> {
    this.shown.dataFile++;
    return this.dataAnswers.shift() ?? null;
  }

  async chooseSavePath(suggestedName: string): Promise<string | null> {
    this.shown.savePath++;
    this.suggested.push(suggestedName);
    return this.saveAnswers.shift() ?? null;
  }
}
