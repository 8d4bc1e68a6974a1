// What `history <client> -f fhir` exports: a course (its plan, as planned) and the sessions
// recorded in it. Defined here, small and plain, so the records database (built apart) only
// has to fill it in; nothing here reads the database.
import type { Plan } from '../../engine/types.js';

/** The course's state in the records: the one in use, finished, replaced by a newer course
 * for the same client, or stopped. Becomes CarePlan.status active | completed | revoked. */
export type CourseStatus = 'active' | 'completed' | 'superseded' | 'stopped';

export type Reaction = 'none' | 'mild' | 'moderate' | 'severe';

export interface SessionDone {
  /** Which session of the course (1, 2, ...): matches the plan's schedule entry. */
  number: number;
  /** When it was done: YYYY-MM-DD, or a date-time with its offset (2027-01-05T14:30:00+01:00)
   * when the records know the time. A time without an offset is refused (FHIR requires one). */
  date: string;
  /** Depth used per zone. */
  zones: { zone: string; depthMm: number }[];
  passes: number | null;
  reaction: Reaction | null;
  /** Days the skin took to heal, once known. */
  healedDays: number | null;
  /** The needle cartridge's lot number, as printed on it. */
  lot: string | null;
  note: string | null;
}

export interface FhirHistoryInput {
  plan: Plan;
  courseStatus: CourseStatus;
  sessions: SessionDone[];
}

export const CARE_PLAN_STATUS_OF_COURSE = {
  active: 'active',
  completed: 'completed',
  superseded: 'revoked',
  stopped: 'revoked',
} as const satisfies Record<CourseStatus, string>;
