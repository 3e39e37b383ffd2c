import type {
  Action,
  Agreement,
  CreateActionBody,
  CreateAgreementBody,
  UpdateActionBody,
  UpdateAgreementBody,
} from '../../../contracts/collaborations.ts';
import { isTopicId } from '../../../domain/instrument/wheel.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import type { CollaborationAccess } from '../collaborations/access.ts';
import type { ActionRow, AgreementRow, FollowUpRepository } from './repository.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Agreements and actions per wheel topic; any partner may add and change them while the collaboration runs. */
export class FollowUpService {
  constructor(
    private readonly repo: FollowUpRepository,
    private readonly access: CollaborationAccess,
  ) {}

  /** For the workspace and the report, after access was checked there. */
  async agreementsOf(collaborationId: string): Promise<Agreement[]> {
    return (await this.repo.agreements(collaborationId)).map(toAgreement);
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
      topicId: body.topicId,
      text: body.text,
      agreedBy: body.agreedBy ?? null,
      agreedOn: body.agreedOn ?? today(),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    return toAgreement(row);
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
    if (row) return toAgreement(row);
    const current = await this.repo.findAgreement(collaborationId, id);
    if (!current) throw notFound('No such agreement.');
    // Someone saved in between: nothing is overwritten; the editor gets the current text to merge by hand.
    throw new AppError(
      409,
      'edit_conflict',
      'Someone else changed this agreement while you were editing it.',
      [{ field: 'version', message: `the current version is ${current.version}` }],
    ).withBody({ current: toAgreement(current) });
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
      topicId: body.topicId,
      text: body.text,
      owner: body.owner ?? null,
      dueDate: body.dueDate ?? null,
      createdBy: actor.userId,
    });
    return toAction(row);
  }

  async updateAction(actor: OrganisationActor, collaborationId: string, id: string, body: UpdateActionBody) {
    await this.access.write(actor, collaborationId);
    const { done, version, ...values } = body;
    const row = await this.repo.updateAction(collaborationId, id, version, {
      ...values,
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

function assertTopic(topicId: string): void {
  if (!isTopicId(topicId)) {
    throw badRequest('invalid_input', 'Unknown topic.', [
      { field: 'topicId', message: 'is not a topic of the wheel' },
    ]);
  }
}

function toAgreement(row: AgreementRow): Agreement {
  return {
    id: row.id,
    topicId: row.topicId,
    text: row.text,
    agreedBy: row.agreedBy,
    agreedOn: row.agreedOn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    topicId: row.topicId,
    text: row.text,
    owner: row.owner,
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
