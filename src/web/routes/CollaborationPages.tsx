import { useParams } from 'react-router';
import { CollaborationWorkspace } from '../features/collaborations/CollaborationWorkspace.tsx';
import { usePartnerInvitation } from '../features/collaborations/hooks/usePartnerInvitation.ts';
import { NewCollaborationForm } from '../features/collaborations/NewCollaborationForm.tsx';
import { PartnerInvitation } from '../features/collaborations/PartnerInvitation.tsx';
import { RequireUser } from './guards.tsx';

// The dashboard's cards live beside the collaboration features, so the dashboard does not load this page's wheel.
export { CollaborationCards } from '../features/collaborations/CollaborationCards.tsx';

export function NewCollaborationPage() {
  return <RequireUser>{() => <NewCollaborationForm />}</RequireUser>;
}

export function CollaborationPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <CollaborationWorkspace id={id} />}</RequireUser>;
}

export function PartnerInvitationPage() {
  const { token = '' } = useParams();
  // Start reading the invitation while the session loads, rather than after it.
  usePartnerInvitation(token);
  return <RequireUser>{(me) => <PartnerInvitation token={token} me={me} />}</RequireUser>;
}
