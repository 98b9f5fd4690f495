import { A } from '@solidjs/router'
import { createSignal, For, type JSX, Show, untrack } from 'solid-js'
import {
  type DirectoryRecords,
  type DirLocation,
  type DirOrganization,
  type DirService,
  mayEditOrganization,
  removeService,
  type RoleActor,
} from '../../model/index.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { directory } from '../i18n/messages/directory.ts'
import { useSync } from '../state/session.tsx'
import { ContactList, Row, ServiceDetails } from './directory-entry.tsx'
import { OrganizationForm, ServiceForm } from './directory-forms.tsx'
import { PlacesEditor } from './directory-places.tsx'

registerMessages(directory)

// One organization of the directory: read by everyone, changed in place by its keeper's
// coordinators (DR2). Lists go by record id, so a change arriving from another device updates
// the record shown instead of re-creating it, and a form being filled in stays open.

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id)

const web = (url: string) => /^https?:\/\//i.test(url)

const Details = (props: { org: DirOrganization }) => {
  const { t } = useI18n()
  return (
    <>
      <Show when={props.org.description}>
        <p>{props.org.description}</p>
      </Show>
      <Show when={props.org.email || props.org.website || props.org.phones.length > 0}>
        <dl>
          <Show when={props.org.phones.length > 0}>
            <Row label={t('directory.org.phones')}>
              <For each={props.org.phones}>
                {(p, i) => (
                  <>
                    {i() > 0 && ', '}
                    <a href={`tel:${p.number.replace(/[^+\d]/g, '')}`}>{p.number}</a>
                  </>
                )}
              </For>
            </Row>
          </Show>
          <Show when={props.org.email}>
            {(email) => (
              <Row label={t('directory.form.email')}>
                <a href={`mailto:${email()}`}>{email()}</a>
              </Row>
            )}
          </Show>
          <Show when={props.org.website}>
            {(site) => (
              <Row label={t('directory.form.website')}>
                <Show when={web(site())} fallback={site()}>
                  <a href={site()} rel="noopener noreferrer">
                    {site()}
                  </a>
                </Show>
              </Row>
            )}
          </Show>
        </dl>
      </Show>
      <Show when={props.org.contacts.length > 0}>
        <ContactList contacts={props.org.contacts} />
      </Show>
    </>
  )
}

// Forms are built untracked: a record re-read after any directory change must not rebuild an
// open form and throw away what was typed in it.

/** A button that opens a form in its place; focus comes back to it when the form closes. */
const Toggle = (props: {
  label: string
  testId: string
  open: boolean
  setOpen: (open: boolean) => void
  form: (done: () => void) => JSX.Element
}) => {
  let button: HTMLButtonElement | undefined
  const done = () => {
    props.setOpen(false)
    button?.focus()
  }
  return (
    <Show
      when={props.open}
      fallback={
        <button
          type="button"
          class="secondary"
          ref={button}
          data-testid={props.testId}
          onClick={() => props.setOpen(true)}
        >
          {props.label}
        </button>
      }
    >
      {untrack(() => props.form(done))}
    </Show>
  )
}

/** A service as everyone reads it; for its keeper, with Edit (in place) and Remove. */
const ServiceItem = (props: {
  service: DirService
  places: DirLocation[]
  selfHelp: boolean
  keeper: RoleActor | undefined
  form: (done: () => void) => JSX.Element
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const [editing, setEditing] = createSignal(false)
  let editButton: HTMLButtonElement | undefined
  const done = () => {
    setEditing(false)
    editButton?.focus()
  }
  const named = (label: string) => `${label}: ${props.service.name}`
  return (
    <Show
      when={editing() && props.keeper}
      fallback={
        <ServiceDetails service={props.service} places={props.places} selfHelp={props.selfHelp}>
          <Show when={props.keeper}>
            {(actor) => (
              <div class="actions">
                <button
                  type="button"
                  class="secondary"
                  ref={editButton}
                  data-testid={`directory-edit-service-${props.service.id}`}
                  aria-label={named(t('directory.form.edit'))}
                  onClick={() => setEditing(true)}
                >
                  {t('directory.form.edit')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={named(t('directory.form.remove'))}
                  onClick={() => removeService(sync.workspace.doc, actor(), props.service.id)}
                >
                  {t('directory.form.remove')}
                </button>
              </div>
            )}
          </Show>
        </ServiceDetails>
      }
    >
      <li class="dir-service">{untrack(() => props.form(done))}</li>
    </Show>
  )
}

export const OrganizationCard = (props: {
  org: DirOrganization
  dir: DirectoryRecords
  actor: RoleActor | undefined
}) => {
  const { t } = useI18n()
  const [open, setOpen] = createSignal<string | null>(null)
  const selfHelp = () => props.org.kind === 'self-help-group'
  const keeper = () =>
    props.actor && mayEditOrganization(props.actor, props.org) ? props.actor : undefined
  const services = () => props.dir.services.filter((s) => s.organizationId === props.org.id)
  const service = (id: string) => props.dir.services.find((s) => s.id === id)
  const places = () => props.dir.locations.filter((l) => l.organizationId === props.org.id)
  const offeredAt = (serviceId: string) =>
    props.dir.serviceAtLocations.filter((x) => x.serviceId === serviceId).map((x) => x.locationId)
  const placesOf = (serviceId: string) =>
    offeredAt(serviceId)
      .map((id) => props.dir.locations.find((l) => l.id === id))
      .filter((l) => l !== undefined)
  const toggle = (key: string) => (o: boolean) => setOpen(o ? key : null)
  const headingId = () => `dir-org-${props.org.id}`

  const serviceForm = (actor: RoleActor, done: () => void, s?: DirService) => (
    <ServiceForm
      organizationId={props.org.id}
      actor={actor}
      meeting={selfHelp()}
      service={s}
      places={places()}
      offeredAt={s && offeredAt(s.id)}
      onDone={done}
    />
  )

  return (
    <li class="sa-panel dir-org" data-testid={`directory-org-${props.org.id}`}>
      <h3 id={headingId()}>{props.org.name}</h3>
      <Show when={keeper()} fallback={<Details org={props.org} />}>
        {(actor) => (
          <>
            <p>
              <span class="sa-badge sa-badge--me">{t('directory.keptByYou')}</span>
            </p>
            <Show when={open() !== 'org'}>
              <Details org={props.org} />
            </Show>
            <Toggle
              label={t('directory.form.editOrganization')}
              testId={`directory-edit-org-${props.org.id}`}
              open={open() === 'org'}
              setOpen={toggle('org')}
              form={(done) => (
                <OrganizationForm actor={actor()} organization={props.org} onDone={done} />
              )}
            />
          </>
        )}
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
          <For each={ids(services())}>
            {(id) => (
              <Show when={service(id)}>
                {(s) => (
                  <ServiceItem
                    service={s()}
                    places={placesOf(id)}
                    selfHelp={selfHelp()}
                    keeper={keeper()}
                    form={(done) => {
                      const actor = keeper()
                      return actor && serviceForm(actor, done, s())
                    }}
                  />
                )}
              </Show>
            )}
          </For>
        </ul>
      </Show>
      <Show when={keeper()}>
        {(actor) => (
          <>
            <Toggle
              label={t(selfHelp() ? 'directory.form.addMeeting' : 'directory.form.addService')}
              testId={`directory-add-service-${props.org.id}`}
              open={open() === 'new'}
              setOpen={toggle('new')}
              form={(done) => serviceForm(actor(), done)}
            />
            <PlacesEditor
              actor={actor()}
              organizationId={props.org.id}
              placeIds={ids(places())}
              place={(id) => props.dir.locations.find((l) => l.id === id)}
            />
          </>
        )}
      </Show>
    </li>
  )
}
