import { A } from '@solidjs/router'
import { createMemo, createSignal, For, Show } from 'solid-js'
import {
  type DirectoryRecords,
  type DirOrganization,
  mayEditOrganization,
  removeService,
  type RoleActor,
  saveOrganization,
} from '../../model/index.ts'
import { ContactList, ServiceDetails } from '../components/directory-entry.tsx'
import { DirectoryFile } from '../components/directory-file.tsx'
import { GroupForm, ServiceForm } from '../components/directory-forms.tsx'
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

const OrganizationCard = (props: {
  org: DirOrganization
  dir: DirectoryRecords
  actor: RoleActor | undefined
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const [adding, setAdding] = createSignal(false)
  const selfHelp = () => props.org.kind === 'self-help-group'
  const editable = () => props.actor !== undefined && mayEditOrganization(props.actor, props.org)
  const services = () => props.dir.services.filter((s) => s.organizationId === props.org.id)
  const placesOf = (serviceId: string) =>
    props.dir.serviceAtLocations
      .filter((x) => x.serviceId === serviceId)
      .map((x) => props.dir.locations.find((l) => l.id === x.locationId))
      .filter((l) => l !== undefined)
  const headingId = () => `dir-org-${props.org.id}`
  return (
    <li class="sa-panel dir-org" data-testid={`directory-org-${props.org.id}`}>
      <h3 id={headingId()}>{props.org.name}</h3>
      <Show when={editable()}>
        <p>
          <span class="sa-badge sa-badge--me">{t('directory.keptByYou')}</span>
        </p>
      </Show>
      <Show when={props.org.description}>
        <p>{props.org.description}</p>
      </Show>
      <Show when={props.org.contacts.length > 0}>
        <ContactList contacts={props.org.contacts} />
      </Show>
      <Show when={selfHelp()}>
        <p>
          <A
            class="button secondary"
            href={`/directory/handout/${props.org.id}`}
            data-testid={`directory-handout-${props.org.id}`}
          >
            {t('directory.handout.button')}
          </A>
        </p>
      </Show>
      <Show
        when={services().length > 0}
        fallback={<p class="dir-muted">{t('directory.noServices')}</p>}
      >
        <ul class="sa-list dir-services" aria-labelledby={headingId()}>
          <For each={services()}>
            {(s) => (
              <ServiceDetails service={s} places={placesOf(s.id)} selfHelp={selfHelp()}>
                <Show when={editable() && props.actor}>
                  {(actor) => (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => removeService(sync.workspace.doc, actor(), s.id)}
                    >
                      {t('directory.form.remove')}
                    </button>
                  )}
                </Show>
              </ServiceDetails>
            )}
          </For>
        </ul>
      </Show>
      <Show when={editable() && props.actor}>
        {(actor) => (
          <Show
            when={adding()}
            fallback={
              <button
                type="button"
                class="secondary"
                data-testid={`directory-add-service-${props.org.id}`}
                onClick={() => setAdding(true)}
              >
                {t(selfHelp() ? 'directory.form.addMeeting' : 'directory.form.addService')}
              </button>
            }
          >
            <ServiceForm
              organizationId={props.org.id}
              actor={actor()}
              meeting={selfHelp()}
              onDone={() => setAdding(false)}
            />
          </Show>
        )}
      </Show>
    </li>
  )
}

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
  const list = (orgs: DirOrganization[]) => (
    <Show when={orgs.length > 0} fallback={<p class="dir-muted">{t('directory.empty')}</p>}>
      <ul class="sa-list">
        <For each={orgs}>{(org) => <OrganizationCard org={org} dir={dir()} actor={actor()} />}</For>
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
        {list(ofKind('agency'))}
      </section>

      <Show when={ofKind('independent').length > 0}>
        <section aria-labelledby="dir-independent" data-testid="directory-independent">
          <h2 id="dir-independent">{t('directory.independent')}</h2>
          {list(ofKind('independent'))}
        </section>
      </Show>

      <section aria-labelledby="dir-self-help" data-testid="directory-self-help">
        <h2 id="dir-self-help">{t('directory.selfHelp')}</h2>
        <p class="dir-muted">{t('directory.selfHelpIntro')}</p>
        {list(ofKind('self-help-group'))}
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
              <GroupForm actor={a()} onDone={() => setAddingGroup(false)} />
            </Show>
          )}
        </Show>
      </section>

      <ResponseTimes times={directory.responseTimes()} agencies={ws.agencies()} actor={actor()} />
      <DirectoryFile actor={actor()} />
    </section>
  )
}
