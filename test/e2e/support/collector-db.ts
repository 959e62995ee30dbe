/** Reads what the collector stored, straight from its SQLite file (read-only). */
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface CollectorResponseRow {
  id: string;
  survey_id: string;
  branch_id: string;
  device_id: string;
  channel: string;
  locale: string;
  completed: number;
  answers: string;
}

export function collectorResponses(dataDir: string): CollectorResponseRow[] {
  const db = new Database(join(dataDir, 'collector.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db
      .prepare('SELECT * FROM responses ORDER BY device_seq')
      .all() as CollectorResponseRow[];
  } finally {
    db.close();
  }
}
