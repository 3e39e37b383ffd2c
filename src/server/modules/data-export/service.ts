import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../../../domain/export/csv.ts';
import { assessment } from '../../../domain/instrument/assessment.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';
import { subjectLabel } from '../../../domain/process/subject.ts';
import type { OrganisationActor } from '../../http/auth-context.ts';
import type { AssessmentService } from '../assessment/service.ts';
import type { AuditLog } from '../audit/service.ts';
import type { OrganisationsService } from '../organisations/service.ts';
import type { ProgrammesService } from '../programmes/service.ts';
import type { WheelService } from '../wheel/service.ts';
import type { WorkspaceService } from '../workspace/service.ts';

export type ExportFile = { filename: string; zip: Uint8Array };

/**
 * Everything an organisation owns, as JSON and CSV in one zip (GDPR, issue 9 point 13). Composed from the same
 * use cases as the API, so the export can never hold more than the organisation may read there: its own
 * answers, and partners' answers only from revealed rounds.
 */
export class DataExportService {
  constructor(
    private readonly parts: {
      organisations: OrganisationsService;
      workspace: WorkspaceService;
      wheel: WheelService;
      assessment: AssessmentService;
      /** Each collaboration's partnering process, as its JSON export. */
      process: (actor: OrganisationActor, collaborationId: string) => Promise<unknown>;
      programmes: ProgrammesService;
      audit: AuditLog;
    },
  ) {}

  /** For admins only: the route checks the role (requireAdmin). */
  async organisation(actor: OrganisationActor): Promise<ExportFile> {
    const { organisations, workspace, wheel, assessment: assessments, programmes } = this.parts;
    const [profile, members, invitations, cards, memberships] = await Promise.all([
      organisations.get(actor),
      organisations.members(actor),
      organisations.invitations(actor),
      workspace.list(actor),
      programmes.ofOrganisation(actor),
    ]);
    const collaborations = [];
    // One collaboration at a time: an export is rare and must not crowd out the pages people are using.
    for (const card of cards) {
      const page = await workspace.compose(actor, card.id);
      const rounds = [];
      const selfAssessments = [];
      for (const { number } of page.rounds) {
        rounds.push(await wheel.round(actor, card.id, number));
        selfAssessments.push(await assessments.view(actor, card.id, number));
      }
      collaborations.push({
        ...page,
        rounds,
        selfAssessments,
        process: await this.parts.process(actor, card.id),
      });
    }
    const exportedAt = new Date().toISOString();
    const everything = {
      exportedAt,
      organisation: profile,
      members,
      invitations,
      programmes: memberships,
      collaborations,
    };

    const names = new Map<string, string>([[profile.id, profile.name]]);
    for (const c of collaborations)
      for (const p of [...c.participants, ...c.formerParticipants]) names.set(p.organisationId, p.name);
    // An erased organisation has no name left: its shared answers are a former partner's.
    const nameOf = (id: string) => names.get(id) || 'former partner';
    const statement = (id: string) => assessment.items.find((i) => i.id === id);

    const files: Record<string, string> = {
      'organisation.json': JSON.stringify(everything, null, 2),
      'README.txt': readme(profile.name, exportedAt),
      'members.csv': toCsv(
        ['name', 'email', 'role', 'joined_at'],
        members.map((m) => [m.name, m.email, m.role, m.joinedAt]),
      ),
      'programmes.csv': toCsv(
        ['programme', 'shares_self_assessments'],
        memberships.map((p) => [p.name, p.consent]),
      ),
      'collaborations.csv': toCsv(
        ['id', 'name', 'purpose', 'start_date', 'ambition', 'archived_at', 'partners', 'former_partners'],
        collaborations.map((c) => [
          c.collaboration.id,
          c.collaboration.name,
          c.collaboration.purpose,
          c.collaboration.startDate,
          c.collaboration.ambition,
          c.collaboration.archivedAt,
          c.participants.map((p) => p.name).join('; '),
          c.formerParticipants.map((p) => p.name).join('; '),
        ]),
      ),
      'wheel_answers.csv': toCsv(
        ['collaboration', 'round', 'revealed_at', 'organisation', 'topic_id', 'topic', 'rating', 'answer'],
        collaborations.flatMap((c) =>
          c.rounds.flatMap((r) =>
            r.answers.map((a) => [
              c.collaboration.name,
              r.number,
              r.revealedAt,
              nameOf(a.organisationId),
              a.topicId,
              topic(a.topicId),
              a.rating === 'nr' ? 'not relevant' : a.rating,
              a.answer,
            ]),
          ),
        ),
      ),
      'self_assessment_answers.csv': toCsv(
        ['collaboration', 'round', 'revealed_at', 'organisation', 'statement_id', 'statement', 'value'],
        collaborations.flatMap((c) =>
          c.selfAssessments.flatMap((s) =>
            s.answers.map((a) => [
              c.collaboration.name,
              s.round.number,
              s.round.revealedAt,
              nameOf(a.organisationId),
              a.itemId,
              statement(a.itemId)?.statement.en ?? a.itemId,
              a.value,
            ]),
          ),
        ),
      ),
      'agreements.csv': toCsv(
        ['collaboration', 'topic', 'text', 'agreed_by', 'agreed_on', 'updated_at'],
        collaborations.flatMap((c) =>
          c.agreements.map((a) => [
            c.collaboration.name,
            subjectLabel(a, 'en'),
            a.text,
            a.agreedBy,
            a.agreedOn,
            a.updatedAt,
          ]),
        ),
      ),
      'actions.csv': toCsv(
        ['collaboration', 'topic', 'text', 'owner', 'due_date', 'done'],
        collaborations.flatMap((c) =>
          c.actions.map((a) => [
            c.collaboration.name,
            subjectLabel(a, 'en'),
            a.text,
            a.owner,
            a.dueDate,
            a.done,
          ]),
        ),
      ),
    };
    await this.parts.audit.record({
      kind: 'organisation-exported',
      userId: actor.userId,
      organisationId: actor.organisation.id,
    });
    return {
      filename: `impact-wheel-${slug(profile.name)}-${exportedAt.slice(0, 10)}.zip`,
      zip: zipFiles(files),
    };
  }
}

const topic = (id: string) => wheel.topics.find((t) => t.id === id)?.label.en ?? id;

export function zipFiles(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
    level: 6,
  });
}

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'export'
  );
}

function readme(name: string, exportedAt: string): string {
  return [
    `Impact Wheel: everything ${name} holds, exported ${exportedAt}.`,
    '',
    'organisation.json  everything below in one file, as the API returns it',
    'members.csv        people in the organisation and their role',
    'programmes.csv     programmes the organisation takes part in, and whether it shares',
    'collaborations.csv collaborations the organisation takes part in',
    "wheel_answers.csv  wheel answers per round: yours always, partners' once a round is revealed",
    'self_assessment_answers.csv  self-assessment answers, the same way',
    'agreements.csv, actions.csv  what the collaborations agreed and who does what',
    '',
    "CSV files are UTF-8 with a byte-order mark; cells that start with = + - or @ are prefixed with ' so a",
    'spreadsheet shows them as text.',
  ].join('\r\n');
}
