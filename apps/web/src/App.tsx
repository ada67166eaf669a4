import { lazy, Suspense, useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, call } from './api/client';
import type { UnreadCount } from './api/types';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { isAdmin, orgsOfKind, useAuth } from './auth';
import { focusHeadingOnNextPage, Loading } from './components/common';
import { EnumSelect } from './components/EnumSelect';
import { NavList } from './components/NavList';
import { LANGUAGE_NAMES, LANGUAGE_STORAGE_KEY, UI_LANGUAGES, UiLanguage, useI18n } from './i18n';
import type { components } from './api/schema';

// Code split by area: each page is its own chunk (Vite merges what pages share), loaded on first
// visit; the first screen needs only the shell and the page it shows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function page<M extends Record<string, any>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
const AcceptInvitationPage = page(
  () => import('./pages/account/AcceptInvitationPage'),
  'AcceptInvitationPage',
);
const ProfilePage = page(() => import('./pages/account/ProfilePage'), 'ProfilePage');
const SignInPage = page(() => import('./pages/account/SignInPage'), 'SignInPage');
const AdminAuditPage = page(() => import('./pages/admin/AuditPage'), 'AdminAuditPage');
const AdminJobsPage = page(() => import('./pages/admin/JobsPage'), 'AdminJobsPage');
const AdminOrganizationPage = page(() => import('./pages/admin/OrganizationPage'), 'AdminOrganizationPage');
const AdminOrganizationsPage = page(
  () => import('./pages/admin/OrganizationsPage'),
  'AdminOrganizationsPage',
);
const ConsultationEditorPage = page(
  () => import('./pages/consultations/ConsultationEditorPage'),
  'ConsultationEditorPage',
);
const ConsultationNewPage = page(
  () => import('./pages/consultations/ConsultationNewPage'),
  'ConsultationNewPage',
);
const ConsultationsPage = page(() => import('./pages/consultations/ConsultationsPage'), 'ConsultationsPage');
const RespondPage = page(() => import('./pages/consultations/RespondPage'), 'RespondPage');
const ConsultationOutcomePage = page(
  () => import('./pages/consultations/ResultsPage'),
  'ConsultationOutcomePage',
);
const ConsultationResultsPage = page(
  () => import('./pages/consultations/ResultsPage'),
  'ConsultationResultsPage',
);
const HomePage = page(() => import('./pages/home/HomePage'), 'HomePage');
const NotificationsPage = page(() => import('./pages/notifications/NotificationsPage'), 'NotificationsPage');
const CheckInsPage = page(() => import('./pages/placements/CheckInsPage'), 'CheckInsPage');
const ImportPage = page(() => import('./pages/placements/ImportPage'), 'ImportPage');
const LogPlacementPage = page(() => import('./pages/placements/LogPlacementPage'), 'LogPlacementPage');
const PlacementsPage = page(() => import('./pages/placements/PlacementsPage'), 'PlacementsPage');
const PlacementPage = page(() => import('./pages/placements/PlacementPage'), 'PlacementPage');
const ProgrammeEditPage = page(() => import('./pages/programmes/ProgrammeForm'), 'ProgrammeEditPage');
const ProgrammeNewPage = page(() => import('./pages/programmes/ProgrammeForm'), 'ProgrammeNewPage');
const ProgrammePage = page(() => import('./pages/programmes/ProgrammePage'), 'ProgrammePage');
const ProgrammesPage = page(() => import('./pages/programmes/ProgrammesPage'), 'ProgrammesPage');
const ReportsPage = page(() => import('./pages/reports/ReportsPage'), 'ReportsPage');
const TaskPage = page(() => import('./pages/tasks/TaskPage'), 'TaskPage');
const GoodIdeaPage = page(() => import('./pages/good-ideas/GoodIdeas'), 'GoodIdeaPage');
const GoodIdeasPage = page(() => import('./pages/good-ideas/GoodIdeas'), 'GoodIdeasPage');
const TerritoryCoherencePage = page(
  () => import('./pages/territories/TerritoryCoherence'),
  'TerritoryCoherencePage',
);
const TerritoryComparisonPage = page(
  () => import('./pages/territories/TerritoryComparison'),
  'TerritoryComparisonPage',
);
const TerritoriesPage = page(() => import('./pages/territories/TerritoryProfile'), 'TerritoriesPage');
const TerritoryProfilePage = page(
  () => import('./pages/territories/TerritoryProfile'),
  'TerritoryProfilePage',
);

type Preferences = components['schemas']['NotificationPreferencesDto'];

/**
 * The language switch. The choice is remembered in this browser and, when signed in, saved as the
 * user's language on the server (the language of their e-mails too); a browser with no choice yet
 * takes the signed-in user's saved language.
 */
function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const { me } = useAuth();
  const saved = me?.user.preferredLanguage;
  useEffect(() => {
    if (!saved || localStorage.getItem(LANGUAGE_STORAGE_KEY)) return;
    if ((UI_LANGUAGES as readonly string[]).includes(saved)) setLang(saved as UiLanguage);
  }, [saved, setLang]);
  const choose = (l: UiLanguage) => {
    setLang(l);
    if (!me || l === saved) return;
    void (async () => {
      const p = await call<Preferences>(api.GET('/me/notification-preferences'));
      await call(
        api.PUT('/me/notification-preferences', {
          body: { language: l, timeZone: p.timeZone, email: p.email } as never,
        }),
      );
    })().catch(() => undefined);
  };
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('nav.language')}</span>
      <EnumSelect
        values={UI_LANGUAGES}
        label={(l) => LANGUAGE_NAMES[l]}
        optionLang={(l) => l}
        value={lang}
        onChange={(e) => choose(e.target.value as UiLanguage)}
        aria-label={t('nav.language')}
      />
    </label>
  );
}

/** The number of unread notifications beside the menu entry, refreshed on each navigation. */
function UnreadCount() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { data } = useQuery({
    queryKey: ['unread-count', pathname],
    queryFn: () => call<UnreadCount>(api.GET('/notifications/unread-count')),
  });
  const count = data?.unread ?? 0;
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
          {t('brand')}
        </Link>
        {me && (
          <nav aria-label={t('nav.main')}>
            <NavList
              items={[
                { to: '/', label: t('nav.home'), end: true },
                { to: '/programmes', label: t('nav.programmes') },
                { to: '/consultations', label: t('nav.consultations') },
                (employer || isAdmin(me)) && { to: '/placements', label: t('nav.placements') },
                { to: '/territories', label: t('nav.territories') },
                { to: '/reports', label: t('nav.reports') },
                { to: '/good-ideas', label: t('nav.goodIdeas') },
                {
                  to: '/notifications',
                  label: (
                    <>
                      {t('nav.notifications')}
                      <UnreadCount />
                    </>
                  ),
                },
                isAdmin(me) && { to: '/admin/organizations', label: t('nav.admin') },
                { to: '/profile', label: t('nav.profile') },
              ]}
            />
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
        <Suspense fallback={<Loading />}>{children}</Suspense>
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
