import { sql } from 'drizzle-orm';
import { assessment } from '../../domain/instrument/assessment.ts';
import type { Db } from './client.ts';

type Executor = Pick<Db, 'execute'>;
export const ITEM_ORDER = assessment.items.map((i) => i.id);

/**
 * Copies one organisation's answers of one round into round_participation.assessment_values, in the
 * instrument's item order (null for "no answer"), so cohort figures read one row per respondent.
 */
export async function refreshAssessmentValues(
  db: Executor,
  roundId: string,
  organisationId: string,
): Promise<void> {
  const ids = sql.raw(`array[${ITEM_ORDER.map((id) => `'${id.replaceAll("'", "''")}'`).join(',')}]::text[]`);
  await db.execute(sql`
    insert into round_participation (round_id, organisation_id, assessment_values)
    values (${roundId}, ${organisationId}, array(
      select a.value from unnest(${ids}) with ordinality as i(id, k)
        left join assessment_answers a on a.item_id = i.id and a.round_id = ${roundId} and a.organisation_id = ${organisationId}
       order by i.k))
    on conflict (round_id, organisation_id) do update set assessment_values = excluded.assessment_values`);
}
