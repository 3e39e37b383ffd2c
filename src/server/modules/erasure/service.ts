import type { FastifyBaseLogger } from 'fastify';
import type { AuditLog } from '../audit/service.ts';
import type { CollaborationsService } from '../collaborations/service.ts';
import type { OrganisationsService } from '../organisations/service.ts';
import type { ErasureRepository } from './repository.ts';

/**
 * Erases organisations whose 30-day grace period has ended (issue 9, point 14). Runs at start-up and every hour;
 * each organisation is erased on its own, so one failure does not hold up the others.
 */
export class ErasureService {
  constructor(
    private readonly repo: ErasureRepository,
    private readonly parts: {
      organisations: OrganisationsService;
      collaborations: CollaborationsService;
      audit: AuditLog;
      log: FastifyBaseLogger;
    },
  ) {}

  /** Erases every organisation due at `now`; returns how many were erased. */
  async eraseDue(now = new Date()): Promise<number> {
    const { organisations, collaborations, log } = this.parts;
    let erased = 0;
    for (const organisationId of await organisations.dueForErasure(now)) {
      try {
        const people = await organisations.memberIds(organisationId);
        // Leaving through the collaborations' own use case: a round waiting only for this partner reveals.
        await collaborations.leaveAll(organisationId);
        if (!(await this.repo.erase(organisationId))) continue;
        await organisations.forgetUsers(people);
        await this.parts.audit.record({ kind: 'organisation-erased', organisationId });
        erased++;
        log.info({ organisationId }, 'organisation erased after its grace period');
      } catch (error) {
        log.error({ err: error, organisationId }, 'erasing an organisation failed; retried at the next run');
      }
    }
    return erased;
  }
}
