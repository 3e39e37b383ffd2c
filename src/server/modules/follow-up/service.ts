import type {
  Action,
  Agreement,
  ApproveAgreementBody,
  CreateActionBody,
  CreateAgreementBody,
  UpdateActionBody,
  UpdateAgreementBody,
} from '../../../contracts/collaborations.ts';
import { translators } from '../../../domain/i18n/catalogues.ts';
import { isTopicId } from '../../../domain/instrument/wheel.ts';
import { subjectLabel } from '../../../domain/process/subject.ts';
import { calendarFile } from '../../../domain/rhythm/ics.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import type { CollaborationAccess } from '../collaborations/access.ts';
import type { ActionRow, AgreementRow, ApprovalRow, FollowUpRepository } from './repository.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Agreements and actions per wheel topic; any partner may add and change them while the collaboration runs. */
export class FollowUpService {
  constructor(
    private readonly repo: FollowUpRepository,
    private readonly access: CollaborationAccess,
  ) {}

  /** For the workspace and the report, after access was checked there. */
  async agreementsOf(collaborationId: string): Promise<Agreement[]> {
    const rows = await this.repo.agreements(collaborationId);
    return this.withApprovals(rows);
  }

  /** The agreements of a collaboration for the agreements overview (and its CSV). */
  async agreements(actor: OrganisationActor, collaborationId: string): Promise<Agreement[]> {
    await this.access.read(actor, collaborationId);
    return this.agreementsOf(collaborationId);
  }

  /** The agreements overview: every agreement with who agreed, and the partners (also former) by name. */
  async overview(actor: OrganisationActor, collaborationId: string) {
    await this.access.read(actor, collaborationId);
    const [agreements, participants, former] = await Promise.all([
      this.agreementsOf(collaborationId),
      this.access.participants([collaborationId]),
      this.access.formerParticipants([collaborationId]),
    ]);
    return {
      agreements,
      partners: [
        ...participants.map((p) => ({ organisationId: p.organisationId, name: p.name, left: false })),
        ...former.map((p) => ({ organisationId: p.organisationId, name: p.name, left: true })),
      ],
    };
  }

  private async withApprovals(rows: AgreementRow[]): Promise<Agreement[]> {
    const approvals = await this.repo.approvals(rows.map((r) => r.id));
    return rows.map((row) =>
      toAgreement(
        row,
        approvals.filter((a) => a.agreementId === row.id),
      ),
    );
  }

  /** The acting organisation agrees to the text of `version`; someone's edit in between answers 409. */
  async approveAgreement(
    actor: OrganisationActor,
    collaborationId: string,
    id: string,
    body: ApproveAgreementBody,
  ): Promise<Agreement> {
    await this.access.write(actor, collaborationId);
    const outcome = await this.repo.approve(collaborationId, id, body.version, {
      organisationId: actor.organisation.id,
      approvedBy: actor.userId,
    });
    if (outcome === 'missing') throw notFound('No such agreement.');
    if ('conflict' in outcome) {
      const [current] = await this.withApprovals([outcome.conflict]);
      throw new AppError(
        409,
        'edit_conflict',
        'The agreement was changed after you read it; read the new text before agreeing.',
        [{ field: 'version', message: `the current version is ${outcome.conflict.version}` }],
      ).withBody({ current });
    }
    return (await this.withApprovals([outcome]))[0]!;
  }

  /** The acting organisation no longer agrees. */
  async withdrawApproval(actor: OrganisationActor, collaborationId: string, id: string): Promise<Agreement> {
    await this.access.write(actor, collaborationId);
    const row = await this.repo.withdrawApproval(collaborationId, id, actor.organisation.id);
    if (!row) throw notFound('No such agreement.');
    return (await this.withApprovals([row]))[0]!;
  }

  /** For the workspace, the dashboard and the report, after access was checked there. */
  async actionsOf(collaborationIds: string[]): Promise<(Action & { collaborationId: string })[]> {
    return sortActions(
      (await this.repo.actions(collaborationIds)).map((row) => ({
        ...toAction(row),
        collaborationId: row.collaborationId,
      })),
    );
  }

  /** An action with a due date as an all-day calendar entry on that date, in the reader's language. */
  async actionCalendar(actor: OrganisationActor, collaborationId: string, id: string, lang: Locale) {
    const collaboration = await this.access.read(actor, collaborationId);
    const row = await this.repo.findAction(collaborationId, id);
    if (!row) throw notFound('No such action.');
    if (!row.dueDate) throw notFound('This action has no due date, so it has no calendar entry.');
    const t = translators[lang];
    const topic = subjectLabel(row, lang);
    return calendarFile(
      {
        uid: `action-${row.id}@impactwheel`,
        summary: t('rhythm.actionSummary', { text: row.text }),
        description: t('rhythm.actionDescription', { collaboration: collaboration.name, topic }),
        date: row.dueDate,
      },
      new Date(),
    );
  }

  async actions(actor: OrganisationActor, collaborationId: string): Promise<Action[]> {
    await this.access.read(actor, collaborationId);
    return sortActions((await this.repo.actions([collaborationId])).map(toAction));
  }

  async createAgreement(
    actor: OrganisationActor,
    collaborationId: string,
    body: CreateAgreementBody,
  ): Promise<Agreement> {
    assertTopic(body.topicId);
    await this.access.write(actor, collaborationId);
    const row = await this.repo.createAgreement({
      collaborationId,
      topicId: body.topicId ?? null,
      deliverableId: body.deliverableId ?? null,
      text: body.text,
      agreedBy: body.agreedBy ?? null,
      agreedOn: body.agreedOn ?? today(),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    return toAgreement(row, []);
  }

  async updateAgreement(
    actor: OrganisationActor,
    collaborationId: string,
    id: string,
    body: UpdateAgreementBody,
  ) {
    await this.access.write(actor, collaborationId);
    const { version, ...values } = body;
    const row = await this.repo.updateAgreement(collaborationId, id, version, {
      ...values,
      updatedBy: actor.userId,
    });
    if (row) return (await this.withApprovals([row]))[0]!;
    const found = await this.repo.findAgreement(collaborationId, id);
    if (!found) throw notFound('No such agreement.');
    const [current] = await this.withApprovals([found]);
    // Someone saved in between: nothing is overwritten; the editor gets the current text to merge by hand.
    throw new AppError(
      409,
      'edit_conflict',
      'Someone else changed this agreement while you were editing it.',
      [{ field: 'version', message: `the current version is ${found.version}` }],
    ).withBody({ current });
  }

  async deleteAgreement(actor: OrganisationActor, collaborationId: string, id: string): Promise<void> {
    await this.access.write(actor, collaborationId);
    if (!(await this.repo.deleteAgreement(collaborationId, id))) throw notFound('No such agreement.');
  }

  async createAction(
    actor: OrganisationActor,
    collaborationId: string,
    body: CreateActionBody,
  ): Promise<Action> {
    assertTopic(body.topicId);
    await this.access.write(actor, collaborationId);
    const row = await this.repo.createAction({
      collaborationId,
      topicId: body.topicId ?? null,
      deliverableId: body.deliverableId ?? null,
      text: body.text,
      ...(await this.ownerOf(collaborationId, body)),
      dueDate: body.dueDate ?? null,
      createdBy: actor.userId,
    });
    return toAction(row);
  }

  /**
   * Who owns an action: a member of one of the partner organisations, or a free name, never both. Anyone else
   * (a stranger's id, a member of an organisation that left) is refused, naming the field.
   */
  private async ownerOf(
    collaborationId: string,
    body: { owner?: string | null; ownerUserId?: string | null },
  ): Promise<{ owner?: string | null; ownerUserId?: string | null }> {
    if (body.ownerUserId) {
      const people = await this.access.people([collaborationId]);
      if (!people.some((p) => p.userId === body.ownerUserId))
        throw badRequest('invalid_input', 'The owner must be a member of a partner organisation.', [
          { field: 'ownerUserId', message: 'is not a member of a partner organisation' },
        ]);
      return { owner: null, ownerUserId: body.ownerUserId };
    }
    if (body.owner !== undefined) return { owner: body.owner ?? null, ownerUserId: null };
    if (body.ownerUserId === null) return { ownerUserId: null };
    return {};
  }

  async updateAction(actor: OrganisationActor, collaborationId: string, id: string, body: UpdateActionBody) {
    await this.access.write(actor, collaborationId);
    const { done, version, owner, ownerUserId, ...values } = body;
    const row = await this.repo.updateAction(collaborationId, id, version, {
      ...values,
      ...(await this.ownerOf(collaborationId, { owner, ownerUserId })),
      ...(done === undefined ? {} : { doneAt: done ? new Date() : null }),
    });
    if (row) return toAction(row);
    const current = await this.repo.findAction(collaborationId, id);
    if (!current) throw notFound('No such action.');
    // As with agreements: nothing is overwritten; the editor gets the current action.
    throw new AppError(409, 'edit_conflict', 'Someone else changed this action while you were editing it.', [
      { field: 'version', message: `the current version is ${current.version}` },
    ]).withBody({ current: toAction(current) });
  }

  async deleteAction(actor: OrganisationActor, collaborationId: string, id: string): Promise<void> {
    await this.access.write(actor, collaborationId);
    if (!(await this.repo.deleteAction(collaborationId, id))) throw notFound('No such action.');
  }
}

/** A wheel topic, when the item belongs to one (else it belongs to a process deliverable, checked by its enum). */
function assertTopic(topicId: string | undefined): void {
  if (topicId !== undefined && !isTopicId(topicId)) {
    throw badRequest('invalid_input', 'Unknown topic.', [
      { field: 'topicId', message: 'is not a topic of the wheel' },
    ]);
  }
}

function toAgreement(row: AgreementRow, approvals: ApprovalRow[]): Agreement {
  return {
    id: row.id,
    topicId: row.topicId,
    deliverableId: row.deliverableId as Agreement['deliverableId'],
    text: row.text,
    agreedBy: row.agreedBy,
    agreedOn: row.agreedOn,
    approvals: approvals.map((a) => ({
      organisationId: a.organisationId,
      approvedAt: a.approvedAt.toISOString(),
    })),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    topicId: row.topicId,
    deliverableId: row.deliverableId as Action['deliverableId'],
    text: row.text,
    owner: row.ownerName ?? row.owner,
    ownerUserId: row.ownerUserId,
    dueDate: row.dueDate,
    done: Boolean(row.doneAt),
    overdue: !row.doneAt && Boolean(row.dueDate && row.dueDate < today()),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Open before done; overdue first; then by due date (none last). */
function sortActions<T extends Action>(list: T[]): T[] {
  return [...list].sort(
    (a, b) =>
      Number(a.done) - Number(b.done) ||
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
