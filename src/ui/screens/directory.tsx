import { createMemo, createSignal, For, Show } from 'solid-js'
import { type DirOrganization, type RoleActor, saveOrganization } from '../../model/index.ts'
import { DirectoryFile } from '../components/directory-file.tsx'
import { OrganizationForm } from '../components/directory-forms.tsx'
import { OrganizationCard } from '../components/directory-organization.tsx'
import { ResponseTimes } from '../components/directory-response-times.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { createDirectory } from '../state/create-directory.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-a.css'
import './directory.css'
import { registerMessages } from '../i18n/catalog.ts'
import { directory } from '../i18n/messages/directory.ts'

registerMessages(directory)

/** `/directory`: who offers what, where and when; self-help groups; agreed response times. */
export default function DirectoryScreen() {
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const directory = createDirectory(sync)
  const [addingGroup, setAddingGroup] = createSignal(false)
  const actor = createMemo((): RoleActor | undefined => {
    const me = ws.me()
    return me && { memberId: me.id, agencyId: me.agencyId, role: me.role }
  })
  const dir = () => directory.records()
  const ofKind = (kind: DirOrganization['kind']) =>
    dir().organizations.filter((o) => o.kind === kind)
  const myAgencyMissing = () => {
    const a = actor()
    return (
      a?.role === 'coordinator' &&
      !dir().organizations.some((o) => o.kind === 'agency' && o.agencyId === a.agencyId)
    )
  }
  const createEntry = () => {
    const a = actor()
    const agency = a && ws.agency(a.agencyId)
    if (a && agency) {
      saveOrganization(sync.workspace.doc, a, {
        kind: 'agency',
        agencyId: agency.id,
        name: agency.name,
        description: '',
      })
    }
  }
  // By id, so that a change from another device updates a card in place and keeps its open form.
  const list = (kind: DirOrganization['kind']) => (
    <Show when={ofKind(kind).length > 0} fallback={<p class="dir-muted">{t('directory.empty')}</p>}>
      <ul class="sa-list">
        <For each={ofKind(kind).map((o) => o.id)}>
          {(id) => (
            <Show when={dir().organizations.find((o) => o.id === id)}>
              {(org) => <OrganizationCard org={org()} dir={dir()} actor={actor()} />}
            </Show>
          )}
        </For>
      </ul>
    </Show>
  )

  return (
    <section class="sa-screen dir-screen" aria-labelledby="directory-title">
      <h1 id="directory-title">{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <nav aria-label={t('directory.jump')} class="dir-jump">
        <a href="#dir-agencies">{t('directory.agencies')}</a>
        <a href="#dir-self-help">{t('directory.selfHelp')}</a>
        <a href="#dir-response-times">{t('directory.rt.title')}</a>
        <a href="#dir-file-title">{t('directory.file.title')}</a>
      </nav>

      <section aria-labelledby="dir-agencies" data-testid="directory-agencies">
        <h2 id="dir-agencies">{t('directory.agencies')}</h2>
        <Show when={myAgencyMissing()}>
          <p>
            <button type="button" class="secondary" onClick={createEntry}>
              {t('directory.createEntry')}
            </button>
          </p>
        </Show>
        {list('agency')}
      </section>

      <Show when={ofKind('independent').length > 0}>
        <section aria-labelledby="dir-independent" data-testid="directory-independent">
          <h2 id="dir-independent">{t('directory.independent')}</h2>
          {list('independent')}
        </section>
      </Show>

      <section aria-labelledby="dir-self-help" data-testid="directory-self-help">
        <h2 id="dir-self-help">{t('directory.selfHelp')}</h2>
        <p class="dir-muted">{t('directory.selfHelpIntro')}</p>
        {list('self-help-group')}
        <Show when={actor()?.role === 'coordinator' && actor()}>
          {(a) => (
            <Show
              when={addingGroup()}
              fallback={
                <button type="button" class="secondary" onClick={() => setAddingGroup(true)}>
                  {t('directory.form.addGroup')}
                </button>
              }
            >
              <OrganizationForm actor={a()} onDone={() => setAddingGroup(false)} />
            </Show>
          )}
        </Show>
      </section>

      <ResponseTimes times={directory.responseTimes()} agencies={ws.agencies()} actor={actor()} />
      <DirectoryFile actor={actor()} />
    </section>
  )
}
