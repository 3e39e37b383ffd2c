import type {
  Cohort,
  CohortQuery,
  CreateProgrammeBody,
  Programme,
  ProgrammeDetail,
} from '../../../contracts/programmes.ts';
import {
  changedSince,
  cohortFilterKey,
  cohortPeriods,
  planSnapshot,
} from '../../../domain/disclosure/cohort.ts';
import { PROGRAMME_MINIMUM } from '../../../domain/disclosure/release.ts';
import { assessment } from '../../../domain/instrument/assessment.ts';
import { type AuthContext, type OrganisationActor, requirePlatformRoleOf } from '../../http/auth-context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { keyedHash, newSecret } from '../../http/secrets.ts';
import type { ProgrammeRow, ProgrammesRepository } from './repository.ts';

const INVITATION_DAYS = 30;

export class ProgrammesService {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly deps: { secret: string; publicUrl: string },
  ) {}

  async create(auth: AuthContext, body: CreateProgrammeBody): Promise<Programme> {
    requirePlatformRoleOf(auth, 'facilitator');
    return toProgramme(
      await this.repo.create({
        name: body.name,
        description: body.description ?? null,
        startsOn: body.startsOn ?? null,
        endsOn: body.endsOn ?? null,
        facilitatorId: auth.userId,
      }),
    );
  }

  async list(auth: AuthContext): Promise<Programme[]> {
    requirePlatformRoleOf(auth, 'facilitator');
    return (await this.repo.listForFacilitator(auth.userId)).map(toProgramme);
  }

  async detail(auth: AuthContext, id: string): Promise<ProgrammeDetail> {
    const programme = await this.owned(auth, id);
    const members = await this.repo.members(id);
    return {
      ...toProgramme(programme),
      members: members.map((m) => ({
        organisationId: m.organisationId,
        name: m.name,
        type: m.type,
        joinedAt: new Date(m.joinedAt).toISOString(),
        consent: Boolean(m.consentAt),
      })),
    };
  }

  async invite(auth: AuthContext, id: string, email?: string) {
    const programme = await this.owned(auth, id);
    const secret = newSecret();
    const row = await this.repo.createInvitation({
      programmeId: id,
      tokenHash: keyedHash(this.deps.secret, secret),
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      email: email ?? null,
    });
    return {
      link: `${this.deps.publicUrl}/programme-invitations/${secret}`,
      expiresAt: row.expiresAt.toISOString(),
      sentTo: email ?? null,
      programmeName: programme.name,
    };
  }

  /** The open programme invitations sent to the person's own address, for their dashboard. */
  async received(email: string) {
    return (await this.repo.invitationsTo(email.toLowerCase(), new Date())).map((row) => ({
      id: row.invitation.id,
      programmeName: row.programmeName,
      expiresAt: row.invitation.expiresAt.toISOString(),
    }));
  }

  /** Joins from an invitation sent to the person's own address, without its link. */
  async joinReceived(actor: OrganisationActor, id: string): Promise<string> {
    const found = await this.repo.findInvitationById(id);
    // Sent to someone else's address: as if it did not exist.
    if (!found || found.invitation.email !== actor.email.toLowerCase())
      throw notFound('No such invitation for you.');
    return this.joinWith(actor, found);
  }

  async preview(token: string) {
    const found = await this.repo.findInvitation(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
    return {
      programmeName: found.programmeName,
      expiresAt: found.invitation.expiresAt.toISOString(),
      open: !found.invitation.revokedAt && found.invitation.expiresAt.getTime() > Date.now(),
    };
  }

  /** An admin joins the programme with the organisation they act for; sharing needs consent, given separately. */
  async join(actor: OrganisationActor, token: string): Promise<string> {
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin of your organisation can join a programme.');
    const found = await this.repo.findInvitation(keyedHash(this.deps.secret, token));
    if (!found) throw notFound('This invitation link is not valid. Ask for a new one.');
    return this.joinWith(actor, found);
  }

  private async joinWith(
    actor: OrganisationActor,
    found: NonNullable<Awaited<ReturnType<ProgrammesRepository['findInvitation']>>>,
  ): Promise<string> {
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin of your organisation can join a programme.');
    if (found.invitation.revokedAt || found.invitation.expiresAt.getTime() <= Date.now()) {
      throw conflict('invitation_expired', 'This invitation has expired. Ask for a new one.');
    }
    await this.repo.join(found.invitation.programmeId, actor.organisation.id);
    return found.invitation.programmeId;
  }

  async ofOrganisation(actor: OrganisationActor) {
    return (await this.repo.programmesOfOrganisation(actor.organisation.id)).map((p) => ({
      id: p.id,
      name: p.name,
      consent: Boolean(p.consentAt),
    }));
  }

  /**
   * Giving or withdrawing consent. A withdrawal takes the organisation out of every figure at once: no snapshot
   * resting on it is shown any more. A consent shows in the figures only at the next publication.
   */
  async setConsent(actor: OrganisationActor, programmeId: string, consent: boolean): Promise<void> {
    if (actor.organisation.role !== 'admin')
      throw forbidden('Only an admin of your organisation can change consent.');
    if (!(await this.repo.setConsent(programmeId, actor.organisation.id, consent)))
      throw notFound('Programme not found.');
  }

  /**
   * The cohort chart's figures under a filter, from the newest snapshot that may still be shown. A cell the
   * snapshot did not release is null: hidden the same way in the chart, the CSV and the API.
   */
  async cohort(auth: AuthContext, id: string, query: CohortQuery): Promise<Cohort> {
    await this.owned(auth, id);
    const [shown, latest, changes] = await Promise.all([
      this.repo.shownSnapshot(id),
      this.repo.latestSnapshotNumber(id),
      this.repo.cohortChanges(id, auth.userId),
    ]);
    const figures = shown?.figures[cohortFilterKey(query)];
    return {
      minimum: PROGRAMME_MINIMUM,
      published: shown ? { number: shown.number, publishedAt: shown.publishedAt.toISOString() } : null,
      withdrawn: latest > (shown?.number ?? 0),
      changes,
      periods: shown ? cohortPeriods(shown.figures) : [],
      statements: assessment.items.map((item, k) => {
        const figure = figures?.[k] ?? null;
        return { itemId: item.id, n: figure?.n ?? null, counts: figure?.counts ?? null };
      }),
    };
  }

  /**
   * Publishes new cohort figures: only when at least five respondents the facilitator does not know came or
   * went since the last publication, and then only the cells disclosure control releases (decision 0010).
   */
  async publishCohort(auth: AuthContext, id: string) {
    await this.owned(auth, id);
    const snapshot = await this.repo.publishSnapshot(id, auth.userId, (current, previous, latest) => {
      const changed = changedSince(current, latest);
      if (changed < PROGRAMME_MINIMUM)
        throw conflict(
          'too_few_changes',
          `New figures need at least ${PROGRAMME_MINIMUM} assessments added or withdrawn since the last publication, not counting your own organisations; there are ${changed}.`,
        );
      return planSnapshot(current, previous, assessment.items.length, PROGRAMME_MINIMUM);
    });
    return { number: snapshot.number, publishedAt: snapshot.publishedAt.toISOString() };
  }

  private async owned(auth: AuthContext, id: string): Promise<ProgrammeRow> {
    requirePlatformRoleOf(auth, 'facilitator');
    const programme = await this.repo.findForFacilitator(id, auth.userId);
    if (!programme) throw notFound('Programme not found.');
    return programme;
  }
}

function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    createdAt: row.createdAt.toISOString(),
  };
}
