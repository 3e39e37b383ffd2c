import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Workspace } from '../../../../contracts/collaborations.ts';
import type { LiveEvent } from '../../../../contracts/live.ts';
import { notificationKeys } from '../../notifications/hooks/keys.ts';
import { collaborationKeys } from './keys.ts';

/**
 * Follows a collaboration's live updates (GET /collaborations/:id/events): each event, and each (re)connection,
 * fetches the workspace and the self-assessment again through the API, so what a person sees is never the
 * event's content. The browser's EventSource reconnects by itself and says which event it saw last.
 * Returns the latest partner event, for a sentence such as "Bouwbedrijf has submitted".
 */
export function useLiveUpdates(workspace: Workspace): LiveEvent | null {
  const queryClient = useQueryClient();
  const id = workspace.collaboration.id;
  const us = workspace.us.organisationId;
  const [latest, setLatest] = useState<LiveEvent | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.workspace(id) });
      void queryClient.invalidateQueries({ queryKey: ['assessment', id] });
      void queryClient.invalidateQueries({ queryKey: ['process', id] });
      void queryClient.invalidateQueries({ queryKey: ['ledger', id] });
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.list() });
      // What a partner did may have left the person a notice: the bell need not wait for its half minute.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all() });
    };
    const source = new EventSource(`/api/v1/collaborations/${id}/events`);
    let opened = false;
    source.onopen = () => {
      // After a lost connection, fetch once: whatever happened meanwhile is in the answer.
      if (opened) refresh();
      opened = true;
    };
    source.addEventListener('resync', () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.presence(id) });
    });
    source.addEventListener('change', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      // Someone opening or closing the collaboration changes only who is here, nothing of its content.
      if (event.kind === 'presence-changed') {
        void queryClient.invalidateQueries({ queryKey: collaborationKeys.presence(id) });
        return;
      }
      refresh();
      if (event.organisationId !== us) setLatest(event);
    });
    return () => source.close();
  }, [id, us, queryClient]);
  return latest;
}
