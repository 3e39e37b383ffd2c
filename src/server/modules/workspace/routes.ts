import { ZCollaborationList, ZCollaborationParams, ZWorkspace } from '../../../contracts/collaborations.ts';
import { requireMember } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/errors.ts';
import type { App } from '../../http/types.ts';
import type { WorkspaceService } from './service.ts';

const tags = ['collaborations'];

export function registerWorkspaceRoutes(app: App, deps: { workspace: WorkspaceService }): void {
  const { workspace } = deps;

  app.get(
    '/collaborations',
    {
      schema: {
        tags,
        summary: 'Collaborations of your organisation',
        response: { 200: ZCollaborationList, ...errorResponses },
      },
    },
    async (request) => ({ collaborations: await workspace.list(requireMember(request)) }),
  );

  app.get(
    '/collaborations/:id',
    {
      schema: {
        tags,
        summary:
          'Everything for the wheel page: partners, current round, stage, agenda, agreements, actions, timeline',
        params: ZCollaborationParams,
        response: { 200: ZWorkspace, ...errorResponses },
      },
    },
    async (request) => workspace.compose(requireMember(request), request.params.id),
  );
}
