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
  /** The device's time (ISO), never corrected. */
  submitted_at: string;
  /** The collector's time (ISO). */
  received_at: string;
  /** Collector clock − device clock, as the device estimated it. */
  clock_offset_ms: number | null;
  /** The day the response counts on in the results (YYYY-MM-DD in TIME_ZONE). */
  answered_day: string | null;
  /** The place staff chose on the device (a bookmobile stop, a floor); null for none. */
  location: string | null;
  /** 1: the device found the answers came implausibly fast. */
  suspect: number;
}

function readOnly(dataDir: string): Database.Database {
  return new Database(join(dataDir, 'collector.sqlite'), { readonly: true, fileMustExist: true });
}

export function collectorResponses(dataDir: string): CollectorResponseRow[] {
  const db = readOnly(dataDir);
  try {
    return db
      .prepare('SELECT * FROM responses ORDER BY device_seq')
      .all() as CollectorResponseRow[];
  } finally {
    db.close();
  }
}

/** The results' responses per day answered of one survey, every slice summed. */
export function collectorResponseDays(
  dataDir: string,
  surveyId: string,
): { day: string; n: number }[] {
  const db = readOnly(dataDir);
  try {
    return db
      .prepare(
        'SELECT day, SUM(n) AS n FROM result_response_days WHERE survey_id = ? GROUP BY day ORDER BY day',
      )
      .all(surveyId) as { day: string; n: number }[];
  } finally {
    db.close();
  }
}
