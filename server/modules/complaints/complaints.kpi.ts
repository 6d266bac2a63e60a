import { sql, type SqlBool } from 'kysely';

/**
 * 回复率's "replied", over `complaint as c`, for the staff and the public statistics alike: an answer, or a
 * 不予受理 whose reason the reporter reads (a reply too). A 重办 takes the answer back until the next one.
 */
export const replied = sql<SqlBool>`(c.answered_at is not null or c.status = 'rejected')`;
