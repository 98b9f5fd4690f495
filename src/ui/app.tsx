import { A, Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router'
import { createEffect, lazy, type JSX, on, Show } from 'solid-js'
import { LanguageSwitcher } from './components/language-switcher.tsx'
import { ReferralsNavLink } from './components/referrals-nav-link.tsx'
import { SyncIndicator } from './components/sync-indicator.tsx'
import { UpdatePrompt } from './components/update-prompt.tsx'
import { I18nProvider, useI18n } from './i18n/i18n.tsx'
import { SessionProvider, useSession } from './state/session.tsx'
import { WorkspaceProvider } from './state/workspace-context.tsx'
import { registerMessages } from './i18n/catalog.ts'
import { common } from './i18n/messages/common.ts'

registerMessages(common)

const Welcome = lazy(() => import('./screens/welcome.tsx'))
const Join = lazy(() => import('./screens/join.tsx'))
const Documents = lazy(() => import('./screens/documents.tsx'))
const DocumentScreen = lazy(() => import('./screens/document.tsx'))
const Workspace = lazy(() => import('./screens/workspace.tsx'))
const Directory = lazy(() => import('./screens/directory.tsx'))
const DirectoryHandout = lazy(() => import('./screens/directory-handout.tsx'))
const Admin = lazy(() => import('./screens/admin.tsx'))
const Settings = lazy(() => import('./screens/settings.tsx'))
const Referrals = lazy(() => import('./screens/referrals.tsx'))
const DocumentPrint = lazy(() => import('./screens/document-print.tsx'))
const MyActions = lazy(() => import('./screens/my-actions.tsx'))
const Dashboard = lazy(() => import('./screens/dashboard.tsx'))
const MediationConsole = lazy(() => import('./screens/mediation-console.tsx'))
const History = lazy(() => import('./screens/history.tsx'))

const Layout = (props: RouteSectionProps) => {
  const { t } = useI18n()
  const { sync } = useSession()
  // On a phone the navigation is one row that scrolls sideways: keep the current screen's link
  // in view, so the person always sees where they are.
  createEffect(
    on(
      () => props.location.pathname,
      () =>
        queueMicrotask(() =>
          document
            .querySelector('.app-nav a[aria-current="page"]')
            ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
        ),
    ),
  )
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip.toMain')}
      </a>
      <header class="app-header">
        <A href="/" class="app-name">
          {t('app.name')}
        </A>
        <LanguageSwitcher />
      </header>
      <Show when={sync()}>
        {(client) => (
          <>
            <SyncIndicator />
            <WorkspaceProvider sync={client()}>
              <nav class="app-nav" aria-label={t('nav.label')}>
                <A href="/documents">{t('nav.documents')}</A>
                <ReferralsNavLink sync={client()} />
                <A href="/actions">{t('nav.myActions')}</A>
                <A href="/dashboard">{t('nav.dashboard')}</A>
                <A href="/mediation" data-testid="nav-mediation">
                  {t('nav.mediation')}
                </A>
                <A href="/workspace">{t('nav.workspace')}</A>
                <A href="/directory">{t('nav.directory')}</A>
                <A href="/admin">{t('nav.admin')}</A>
                <A href="/settings">{t('nav.settings')}</A>
              </nav>
              <main id="main" tabindex="-1">
                {props.children}
              </main>
            </WorkspaceProvider>
          </>
        )}
      </Show>
      <Show when={!sync()}>
        <main id="main" tabindex="-1">
          {props.children}
        </main>
      </Show>
      <UpdatePrompt />
    </>
  )
}

/** Screens that need an enrolled device send everyone else to the welcome screen. */
const Enrolled = (Screen: () => JSX.Element) => () => {
  const { sync } = useSession()
  return (
    <Show when={sync()} fallback={<Navigate href="/" />}>
      <Screen />
    </Show>
  )
}

const Home = () => {
  const { sync } = useSession()
  return (
    <Show when={sync()} fallback={<Welcome />}>
      <Navigate href="/documents" />
    </Show>
  )
}

export const App = () => (
  <I18nProvider>
    <SessionProvider>
      <Router root={Layout}>
        <Route path="/" component={Home} />
        <Route path="/join/:code?" component={Join} />
        <Route path="/documents" component={Enrolled(Documents)} />
        <Route path="/documents/:id" component={Enrolled(DocumentScreen)} />
        <Route path="/documents/:id/print" component={Enrolled(DocumentPrint)} />
        <Route path="/documents/:id/history" component={Enrolled(History)} />
        <Route path="/actions" component={Enrolled(MyActions)} />
        <Route path="/referrals" component={Enrolled(Referrals)} />
        <Route path="/dashboard" component={Enrolled(Dashboard)} />
        <Route path="/mediation" component={Enrolled(MediationConsole)} />
        <Route path="/workspace" component={Enrolled(Workspace)} />
        <Route path="/directory" component={Enrolled(Directory)} />
        <Route path="/directory/handout/:id" component={Enrolled(DirectoryHandout)} />
        <Route path="/admin" component={Enrolled(Admin)} />
        <Route path="/settings" component={Enrolled(Settings)} />
        <Route path="*" component={() => <Navigate href="/" />} />
      </Router>
    </SessionProvider>
  </I18nProvider>
)
