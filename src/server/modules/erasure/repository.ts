// Erasing an organisation touches every module's tables. It is one transaction so that an organisation is
// never half erased, which is why the SQL sits in one place rather than spread over the modules' repositories.
// The modules' own use cases run first (leaving each collaboration reveals what is due; decision 0010 keeps
// cohort snapshots' metadata without answers).
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

export class ErasureRepository {
  constructor(private readonly db: Db) {}

  /**
   * Removes everything private of the organisation and keeps, without its name, what its partners were shown:
   * answers and self-assessments it submitted in rounds that are revealed. Collaborations nobody else took part
   * in go entirely.
   */
  async erase(organisationId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const org = sql`${organisationId}::uuid`;
      // Two app servers may run the job at once: the row lock makes the second find it erased and stop.
      const [state] = await queryRows<{ erased: boolean }>(
        tx,
        sql`select erased_at is not null as erased from organisations where id = ${org} for update`,
      );
      if (!state || state.erased) return false;
      // What partners were shown: the wheel's answers of a revealed round, the self-assessment of a revealed one,
      // each only where the organisation took part in that reveal (submitted, or chose early reveal).
      const wheelShown = sql.raw(
        `r.revealed_at is not null and (rp.submitted_at is not null or rp.early_reveal_at is not null)`,
      );
      const assessmentShown = sql.raw(
        `r.assessment_revealed_at is not null and (rp.assessment_submitted_at is not null or rp.assessment_early_reveal_at is not null)`,
      );
      const keepOnly = (table: string, shown: SQL) =>
        sql`delete from ${sql.raw(table)} x
          where x.organisation_id = ${org}
            and not exists (
              select 1 from rounds r join round_participation rp on rp.round_id = r.id
               where r.id = x.round_id and rp.organisation_id = x.organisation_id and ${shown})`;
      // Drafts and anything partners were never shown.
      await tx.execute(keepOnly('ratings', wheelShown));
      await tx.execute(keepOnly('assessment_answers', assessmentShown));
      await tx.execute(keepOnly('impact_ambitions', assessmentShown));
      // Its part in rounds nobody has seen: gone, so it is not listed as a former partner there either.
      await tx.execute(sql`
        delete from round_participation rp using rounds r
         where r.id = rp.round_id and rp.organisation_id = ${org} and not (${wheelShown}) and not (${assessmentShown})`);
      // Where it is kept for one part, nothing of the other part that partners were not shown.
      await tx.execute(sql`
        update round_participation rp set submitted_at = null, early_reveal_at = null
          from rounds r where r.id = rp.round_id and rp.organisation_id = ${org} and not (${wheelShown})`);
      await tx.execute(sql`
        update round_participation rp
           set assessment_values = null, partnership_ambition = null, assessment_submitted_at = null,
               assessment_early_reveal_at = null
          from rounds r where r.id = rp.round_id and rp.organisation_id = ${org} and not (${assessmentShown})`);
      // The partnering process's checks: like the self-assessment, kept only where revealed with its part in it.
      const checkShown = sql.raw(`exists (
        select 1 from process_check_sets s join process_check_participation p
          on p.cycle_id = s.cycle_id and p.moment = s.moment
         where s.cycle_id = x.cycle_id and s.moment = x.moment and p.organisation_id = x.organisation_id
           and s.revealed_at is not null and (p.submitted_at is not null or p.early_reveal_at is not null))`);
      await tx.execute(
        sql`delete from process_check_answers x where x.organisation_id = ${org} and not ${checkShown}`,
      );
      await tx.execute(
        sql`delete from process_check_participation x where x.organisation_id = ${org} and not ${checkShown}`,
      );
      await tx.execute(sql`
        delete from collaborations c
         where exists (select 1 from collaboration_participants p where p.collaboration_id = c.id and p.organisation_id = ${org})
           and not exists (select 1 from collaboration_participants p where p.collaboration_id = c.id and p.organisation_id <> ${org})`);
      await tx.execute(sql`
        update collaboration_participants set left_at = coalesce(left_at, now()) where organisation_id = ${org}`);
      await tx.execute(sql`
        update collaboration_invitations set revoked_at = coalesce(revoked_at, now())
         where invited_by_organisation_id = ${org} and accepted_at is null`);
      await tx.execute(sql`delete from programme_members where organisation_id = ${org}`);
      await tx.execute(sql`delete from invitations where organisation_id = ${org}`);
      await tx.execute(sql`delete from memberships where organisation_id = ${org}`);
      await tx.execute(
        sql`update api_tokens set revoked_at = coalesce(revoked_at, now()) where organisation_id = ${org}`,
      );
      await tx.execute(
        sql`update sessions set active_organisation_id = null where active_organisation_id = ${org}`,
      );
      // The row stays, nameless, so partners' shared answers keep pointing at "a former partner".
      await tx.execute(sql`
        update organisations
           set name = '', impact_orientation = null, sector = null, employees = null, year_founded = null,
               place = null, website = null, description = null, created_by = null,
               deletion_due_at = null, erased_at = now(), updated_at = now()
         where id = ${org}`);
      return true;
    });
  }
}
