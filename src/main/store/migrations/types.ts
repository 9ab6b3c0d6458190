export interface Migration {
  /** 1, 2, 3 … with no gaps; becomes PRAGMA user_version once applied. */
  version: number;
  name: string;
  sql: string;
}
