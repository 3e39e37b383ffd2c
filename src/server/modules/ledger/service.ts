import type {
  AddIndicatorBody,
  EnterValueBody,
  LedgerIndicator,
  LedgerView,
  UpdateIndicatorBody,
} from '../../../contracts/ledger.ts';
import { hasBegun, libraryIndicator, progressOf, seriesOf } from '../../../domain/ledger/index.ts';
import type { Tx } from '../../db/client.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import type { CollaborationAccess } from '../collaborations/access.ts';
import type { IndicatorRow, LedgerRepository, ValueRow } from './repository.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The impact ledger of a collaboration (issue 13, points 1 and 2): indicators the partners chose, targets per
 * period, and each partner's values per period with source and note; a correction keeps what it replaced.
 */
export class LedgerService {
  constructor(
    private readonly repo: LedgerRepository,
    private readonly access: CollaborationAccess,
  ) {}

  async view(actor: OrganisationActor, collaborationId: string): Promise<LedgerView> {
    await this.access.read(actor, collaborationId);
    const [participants, indicators] = await Promise.all([
      this.access.participants([collaborationId]),
      this.repo.indicators(collaborationId),
    ]);
    const ids = indicators.map((i) => i.id);
    const [targets, values, corrected] = await Promise.all([
      this.repo.targets(ids),
      this.repo.values(ids),
      this.repo.corrected(ids),
    ]);
    return {
      partners: participants.map((p) => ({ organisationId: p.organisationId, name: p.name })),
      indicators: indicators.map((row) =>
        toIndicator(
          row,
          targets.filter((t) => t.indicatorId === row.id),
          values.filter((v) => v.indicatorId === row.id),
          new Set(
            corrected.filter((c) => c.indicatorId === row.id).map((c) => `${c.organisationId}|${c.period}`),
          ),
        ),
      ),
    };
  }

  async addIndicator(actor: OrganisationActor, collaborationId: string, body: AddIndicatorBody) {
    await this.access.write(actor, collaborationId);
    if (body.libraryId !== undefined && !libraryIndicator(body.libraryId))
      throw badRequest('invalid_input', 'Unknown indicator.', [
        { field: 'libraryId', message: 'is not an indicator of the library' },
      ]);
    await this.write(actor, async (tx) => {
      const created = await this.repo.addIndicator(tx, {
        collaborationId,
        libraryId: body.libraryId ?? null,
        ...(body.custom ?? {}),
        baseline: body.baseline ?? null,
        createdBy: actor.userId,
      });
      if (!created) throw conflict('indicator_chosen', 'This indicator has already been chosen.');
    });
    return this.view(actor, collaborationId);
  }

  async updateIndicator(
    actor: OrganisationActor,
    collaborationId: string,
    indicatorId: string,
    body: UpdateIndicatorBody,
  ) {
    await this.access.write(actor, collaborationId);
    await this.write(actor, async (tx) => {
      if (!(await this.repo.findIndicator(tx, collaborationId, indicatorId, true)))
        throw notFound('No such indicator.');
      if (body.baseline !== undefined) await this.repo.setBaseline(tx, indicatorId, body.baseline);
      for (const t of body.targets ?? []) await this.repo.setTarget(tx, indicatorId, t.period, t.target);
    });
    return this.view(actor, collaborationId);
  }

  /** Removing an indicator that holds values would lose them: refused, so nothing entered is lost. */
  async removeIndicator(actor: OrganisationActor, collaborationId: string, indicatorId: string) {
    await this.access.write(actor, collaborationId);
    await this.write(actor, async (tx) => {
      if (!(await this.repo.findIndicator(tx, collaborationId, indicatorId, true)))
        throw notFound('No such indicator.');
      if (await this.repo.hasValues(tx, indicatorId))
        throw conflict('indicator_has_values', 'This indicator holds values; they would be lost.');
      await this.repo.deleteIndicator(tx, indicatorId);
    });
    return this.view(actor, collaborationId);
  }

  /** The acting organisation's value for a period that has begun; a second entry corrects the first. */
  async enterValue(
    actor: OrganisationActor,
    collaborationId: string,
    indicatorId: string,
    period: string,
    body: EnterValueBody,
  ) {
    await this.access.write(actor, collaborationId);
    if (!hasBegun(period, today()))
      throw badRequest('invalid_input', 'A value can only be entered for a period that has begun.', [
        { field: 'period', message: 'lies in the future' },
      ]);
    await this.write(actor, async (tx) => {
      if (!(await this.repo.findIndicator(tx, collaborationId, indicatorId, true)))
        throw notFound('No such indicator.');
      await this.repo.enterValue(tx, {
        indicatorId,
        organisationId: actor.organisation.id,
        period,
        value: body.value,
        source: body.source ?? null,
        note: body.note ?? null,
        enteredBy: actor.userId,
      });
    });
    return this.view(actor, collaborationId);
  }

  /** Every value entered for one period, corrections included, newest last. */
  async history(actor: OrganisationActor, collaborationId: string, indicatorId: string, period: string) {
    await this.access.read(actor, collaborationId);
    const indicator = await this.repo.indicator(collaborationId, indicatorId);
    if (!indicator) throw notFound('No such indicator.');
    const rows = await this.repo.values([indicatorId], { period });
    return {
      values: rows.map((r) => ({
        ...toValue(r, false),
        supersededAt: r.supersededAt?.toISOString() ?? null,
      })),
    };
  }

  private async write<T>(actor: OrganisationActor, work: (tx: Tx) => Promise<T>): Promise<T> {
    const outcome = await this.repo.write(actor.organisation.id, work);
    if (outcome === 'erased') throw notFound('No such collaboration.');
    return outcome;
  }
}

function toValue(row: ValueRow, corrected: boolean) {
  return {
    organisationId: row.organisationId,
    period: row.period,
    value: row.value,
    source: row.source,
    note: row.note,
    enteredBy: row.enteredByName,
    enteredAt: row.enteredAt.toISOString(),
    corrected,
  };
}

function toIndicator(
  row: IndicatorRow,
  targets: { period: string; target: number }[],
  values: ValueRow[],
  corrected: Set<string>,
): LedgerIndicator {
  const library = row.libraryId ? libraryIndicator(row.libraryId) : undefined;
  const own = (text: string | null) => ({ en: text ?? '', nl: text ?? '' });
  const direction = library?.direction ?? row.direction ?? 'up';
  const kind = library?.kind ?? row.kind ?? 'flow';
  const series = seriesOf(values, targets);
  return {
    id: row.id,
    libraryId: row.libraryId,
    label: library?.label ?? own(row.label),
    definition: library?.definition ?? own(row.definition),
    unit: library?.unit ?? own(row.unit),
    level: library?.level ?? row.level ?? 'output',
    direction,
    kind,
    iris: library?.iris ?? null,
    baseline: row.baseline,
    targets: targets.map((t) => ({ period: t.period, target: t.target })),
    values: values.map((v) => toValue(v, corrected.has(`${v.organisationId}|${v.period}`))),
    series,
    progress: progressOf(series, direction, kind),
  };
}
