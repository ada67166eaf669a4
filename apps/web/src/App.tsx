import { useEffect, useRef, useState } from 'react';
import { api, call } from './api/client';
import type { UnreadCount } from './api/types';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { isAdmin, orgsOfKind, useAuth } from './auth';
import { focusHeadingOnNextPage, Loading } from './components/common';
import { UiLanguage, useI18n } from './i18n';
import { AcceptInvitationPage } from './pages/account/AcceptInvitationPage';
import { ProfilePage } from './pages/account/ProfilePage';
import { SignInPage } from './pages/account/SignInPage';
import { AdminAuditPage } from './pages/admin/AuditPage';
import { AdminJobsPage } from './pages/admin/JobsPage';
import { AdminOrganizationPage } from './pages/admin/OrganizationPage';
import { AdminOrganizationsPage } from './pages/admin/OrganizationsPage';
import { ConsultationEditorPage } from './pages/consultations/ConsultationEditorPage';
import { ConsultationNewPage } from './pages/consultations/ConsultationNewPage';
import { ConsultationsPage } from './pages/consultations/ConsultationsPage';
import { RespondPage } from './pages/consultations/RespondPage';
import { ConsultationOutcomePage, ConsultationResultsPage } from './pages/consultations/ResultsPage';
import { HomePage } from './pages/home/HomePage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { CheckInsPage } from './pages/placements/CheckInsPage';
import { ImportPage } from './pages/placements/ImportPage';
import { LogPlacementPage } from './pages/placements/LogPlacementPage';
import { PlacementsPage } from './pages/placements/PlacementsPage';
import { PlacementPage } from './pages/placements/PlacementPage';
import { ProgrammeEditPage, ProgrammeNewPage } from './pages/programmes/ProgrammeForm';
import { ProgrammePage } from './pages/programmes/ProgrammePage';
import { ProgrammesPage } from './pages/programmes/ProgrammesPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { TaskPage } from './pages/tasks/TaskPage';
import { GoodIdeaPage, GoodIdeasPage } from './pages/good-ideas/GoodIdeas';
import { TerritoryCoherencePage } from './pages/territories/TerritoryCoherence';
import { TerritoryComparisonPage } from './pages/territories/TerritoryComparison';
import { TerritoriesPage, TerritoryProfilePage } from './pages/territories/TerritoryProfile';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select
        value={lang}
        onChange={(e) => setLang(e.target.value as UiLanguage)}
        aria-label={t('nav.language')}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="fr" lang="fr">
          Français
        </option>
      </select>
    </label>
  );
}

/** The number of unread notifications beside the menu entry, refreshed on each navigation. */
function UnreadCount() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    call<UnreadCount>(api.GET('/notifications/unread-count'))
      .then((r) => live && setCount(r.unread))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [pathname]);
  if (!count) return null;
  return (
    <span className="count">
      {' '}
      {count}
      <span className="visually-hidden"> {t('nav.unread')}</span>
    </span>
  );
}

/** Moves focus to the new page's heading on navigation, so screen readers announce it. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  // During render, so the flag is set before the new page's heading mounts.
  if (previous.current !== pathname) {
    previous.current = pathname;
    focusHeadingOnNextPage();
  }
}

function Shell({ children }: { children: React.ReactNode }) {
  const { me, signOut } = useAuth();
  const { t } = useI18n();
  useFocusOnNavigate();
  const employer = me ? orgsOfKind(me, 'employer').length > 0 : false;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Tandem
        </Link>
        {me && (
          <nav aria-label={t('nav.main')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/programmes">{t('nav.programmes')}</NavLink>
              </li>
              <li>
                <NavLink to="/consultations">{t('nav.consultations')}</NavLink>
              </li>
              {(employer || isAdmin(me)) && (
                <li>
                  <NavLink to="/placements">{t('nav.placements')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/territories">{t('nav.territories')}</NavLink>
              </li>
              <li>
                <NavLink to="/reports">{t('nav.reports')}</NavLink>
              </li>
              <li>
                <NavLink to="/good-ideas">{t('nav.goodIdeas')}</NavLink>
              </li>
              <li>
                <NavLink to="/notifications">
                  {t('nav.notifications')}
                  <UnreadCount />
                </NavLink>
              </li>
              {isAdmin(me) && (
                <li>
                  <NavLink to="/admin/organizations">{t('nav.admin')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/profile">{t('nav.profile')}</NavLink>
              </li>
            </ul>
          </nav>
        )}
        <div className="topbar-end">
          <LanguageSwitch />
          {me && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function App() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading)
    return (
      <Shell>
        <Loading />
      </Shell>
    );
  return (
    <Shell>
      <Routes>
        <Route path="/invitations/:token" element={<AcceptInvitationPage />} />
        {!me ? (
          <>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route
              path="*"
              element={
                <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />
              }
            />
          </>
        ) : (
          <>
            <Route path="/" element={<HomePage />} />
            <Route path="/sign-in" element={<Navigate to="/" replace />} />
            <Route path="/programmes" element={<ProgrammesPage />} />
            <Route path="/programmes/new" element={<ProgrammeNewPage />} />
            <Route path="/programmes/:id" element={<ProgrammePage />} />
            <Route path="/programmes/:id/edit" element={<ProgrammeEditPage />} />
            <Route path="/tasks/:id" element={<TaskPage />} />
            <Route path="/good-ideas" element={<GoodIdeasPage />} />
            <Route path="/good-ideas/:id" element={<GoodIdeaPage />} />
            <Route path="/consultations" element={<ConsultationsPage />} />
            <Route path="/consultations/new" element={<ConsultationNewPage />} />
            <Route path="/consultations/:id" element={<ConsultationEditorPage />} />
            <Route path="/consultations/:id/respond" element={<RespondPage />} />
            <Route path="/consultations/:id/results" element={<ConsultationResultsPage />} />
            <Route path="/consultations/:id/outcome" element={<ConsultationOutcomePage />} />
            <Route path="/placements" element={<PlacementsPage />} />
            <Route path="/placements/new" element={<LogPlacementPage />} />
            <Route path="/placements/import" element={<ImportPage />} />
            <Route path="/placements/:id" element={<PlacementPage />} />
            <Route path="/check-ins" element={<CheckInsPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="/admin/organizations" element={<AdminOrganizationsPage />} />
            <Route path="/admin/organizations/:id" element={<AdminOrganizationPage />} />
            <Route path="/admin/audit" element={<AdminAuditPage />} />
            <Route path="/admin/jobs" element={<AdminJobsPage />} />
            <Route path="/territories" element={<TerritoriesPage />} />
            <Route path="/territories/compare" element={<TerritoryComparisonPage />} />
            <Route path="/territories/:code" element={<TerritoryProfilePage />} />
            <Route path="/territories/:code/coherence" element={<TerritoryCoherencePage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </>
        )}
      </Routes>
    </Shell>
  );
}
