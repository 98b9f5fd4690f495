import { A, Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router'
import { lazy, type JSX, Show } from 'solid-js'
import { LanguageSwitcher } from './components/language-switcher.tsx'
import { ReferralsNavLink } from './components/referrals-nav-link.tsx'
import { SyncIndicator } from './components/sync-indicator.tsx'
import { UpdatePrompt } from './components/update-prompt.tsx'
import { I18nProvider, useI18n } from './i18n/i18n.tsx'
import { SessionProvider, useSession } from './state/session.tsx'
import { WorkspaceProvider } from './state/workspace-context.tsx'

const Welcome = lazy(() => import('./screens/welcome.tsx'))
const Join = lazy(() => import('./screens/join.tsx'))
const Documents = lazy(() => import('./screens/documents.tsx'))
const DocumentScreen = lazy(() => import('./screens/document.tsx'))
const Workspace = lazy(() => import('./screens/workspace.tsx'))
const Admin = lazy(() => import('./screens/admin.tsx'))
const Settings = lazy(() => import('./screens/settings.tsx'))
const Referrals = lazy(() => import('./screens/referrals.tsx'))
const ReferralPrint = lazy(() => import('./screens/referral-print.tsx'))

const Layout = (props: RouteSectionProps) => {
  const { t } = useI18n()
  const { sync } = useSession()
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
                <A href="/workspace">{t('nav.workspace')}</A>
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
        <Route path="/documents/:id/print" component={Enrolled(ReferralPrint)} />
        <Route path="/referrals" component={Enrolled(Referrals)} />
        <Route path="/workspace" component={Enrolled(Workspace)} />
        <Route path="/admin" component={Enrolled(Admin)} />
        <Route path="/settings" component={Enrolled(Settings)} />
        <Route path="*" component={() => <Navigate href="/" />} />
      </Router>
    </SessionProvider>
  </I18nProvider>
)
