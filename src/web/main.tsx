import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import './i18n/index.ts';
import './styles.css';
import { Layout } from './components/Layout.tsx';
import { AccountPage } from './routes/AccountPage.tsx';
import { AdminPage } from './routes/AdminPage.tsx';
import { SignInPage, SignUpPage } from './routes/AuthPages.tsx';
import {
  CollaborationPage,
  NewCollaborationPage,
  PartnerInvitationPage,
} from './routes/CollaborationPages.tsx';
import { DashboardPage } from './routes/DashboardPage.tsx';
import { InvitationPage } from './routes/InvitationPage.tsx';
import { LandingPage } from './routes/LandingPage.tsx';
import { MembersPage } from './routes/MembersPage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { NewOrganisationPage, OrganisationPage } from './routes/OrganisationPages.tsx';
import { ProgrammeInvitationPage, ProgrammePage, ProgrammesPage } from './routes/ProgrammePages.tsx';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Layout>
          <Routes>
            <Route path="/" element={<LandingPage />} />
            <Route path="/sign-up" element={<SignUpPage />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/organisations/new" element={<NewOrganisationPage />} />
            <Route path="/organisation" element={<OrganisationPage />} />
            <Route path="/organisation/members" element={<MembersPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/invitations/:token" element={<InvitationPage />} />
            <Route path="/admin" element={<AdminPage />} />
            <Route path="/programmes" element={<ProgrammesPage />} />
            <Route path="/programmes/:id" element={<ProgrammePage />} />
            <Route path="/programme-invitations/:token" element={<ProgrammeInvitationPage />} />
            <Route path="/collaborations/new" element={<NewCollaborationPage />} />
            <Route path="/collaborations/:id" element={<CollaborationPage />} />
            <Route path="/partner-invitations/:token" element={<PartnerInvitationPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
