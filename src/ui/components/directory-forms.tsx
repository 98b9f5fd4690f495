import { createSignal, For, Show } from 'solid-js'
import {
  type DirLocation,
  type DirOrganization,
  type DirService,
  type RoleActor,
  saveOrganization,
  saveService,
  SERVICE_STATUSES,
  type ServiceStatus,
  setServiceLocations,
  type Weekday,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { directory } from '../i18n/messages/directory.ts'
import { useSync } from '../state/session.tsx'
import { ContactsEditor, DayPicker, errorKey, Field, FormEnd } from './directory-form-parts.tsx'
import {
  contactDrafts,
  contactsFrom,
  editableSchedule,
  languageCodes,
  languagesFrom,
  optional,
  phonesFrom,
  phonesText,
  scheduleDays,
  schedulesWith,
} from './directory-form-values.ts'
import { HoursList } from './directory-hours.tsx'

registerMessages(directory)

// What a coordinator adds to or changes in their agency's entries: a service (or a group's
// meeting) with its weekly hours, languages, contact points and places, and an organization's
// own details. One form adds and edits: given the record, it starts from it and saves it in place.

export const ServiceForm = (props: {
  organizationId: string
  actor: RoleActor
  meeting?: boolean
  /** The service as it is now, when editing it. */
  service?: DirService
  /** The organization's places, to choose where the service is offered. */
  places: DirLocation[]
  /** The ids of the places where it is offered now. */
  offeredAt?: string[]
  onDone: () => void
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const start = props.service
  const id = start ? `dir-edit-${start.id}` : `dir-new-${props.organizationId}`
  const hours = editableSchedule(start?.schedules ?? [])
  const [name, setName] = createSignal(start?.name ?? '')
  const [status, setStatus] = createSignal<ServiceStatus>(start?.status ?? 'active')
  const [description, setDescription] = createSignal(start?.description ?? '')
  const [howTo, setHowTo] = createSignal(start?.applicationProcess ?? '')
  const [languages, setLanguages] = createSignal(start ? languageCodes(start.languages) : 'pl')
  const [days, setDays] = createSignal<Weekday[]>(scheduleDays(hours))
  const [opens, setOpens] = createSignal(hours?.opensAt?.slice(0, 5) ?? '')
  const [closes, setCloses] = createSignal(hours?.closesAt?.slice(0, 5) ?? '')
  const [contacts, setContacts] = createSignal(contactDrafts(start?.contacts ?? []))
  const [places, setPlaces] = createSignal<string[]>(props.offeredAt ?? [])
  const [error, setError] = createSignal<MessageKey | null>(null)
  const otherHours = () => (start?.schedules ?? []).filter((s) => s.id !== hours?.id)

  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    // Saved over the service as it is now, so fields this form does not show are kept.
    const now = props.service
    const schedules = now?.schedules ?? []
    const shown = new Set(props.places.map((p) => p.id))
    try {
      const saved = saveService(sync.workspace.doc, props.actor, {
        ...now,
        id: start?.id,
        organizationId: props.organizationId,
        name: name().trim(),
        status: status(),
        description: optional(description()),
        applicationProcess: optional(howTo()),
        languages: languagesFrom(languages(), now?.languages ?? []),
        contacts: contactsFrom(contacts(), now?.contacts ?? []),
        schedules: schedulesWith(
          schedules,
          schedules.find((s) => s.id === hours?.id),
          { days: days(), opens: opens(), closes: closes() },
        ),
      })
      setServiceLocations(sync.workspace.doc, props.actor, saved.id, [
        ...places().filter((p) => shown.has(p)),
        ...(props.offeredAt ?? []).filter((p) => !shown.has(p)),
      ])
      props.onDone()
    } catch (err) {
      setError(errorKey(err))
    }
  }

  return (
    <form
      class="dir-form"
      onSubmit={submit}
      data-testid={`${id}-form`}
      aria-label={
        start
          ? t('directory.form.editing', { name: start.name })
          : t(props.meeting ? 'directory.form.addMeeting' : 'directory.form.addService')
      }
    >
      <Field
        id={`${id}-name`}
        label={t('directory.form.name')}
        required
        autofocus
        value={name()}
        onInput={setName}
      />
      <Show when={start}>
        <div class="field">
          <label for={`${id}-status`}>{t('directory.form.status')}</label>
          <select
            id={`${id}-status`}
            data-testid={`${id}-status`}
            onChange={(e) => setStatus(e.currentTarget.value as ServiceStatus)}
          >
            <For each={SERVICE_STATUSES}>
              {(s) => (
                <option value={s} selected={s === status()}>
                  {t(`directory.status.${s}`)}
                </option>
              )}
            </For>
          </select>
        </div>
      </Show>
      <Field
        id={`${id}-description`}
        label={t('directory.form.description')}
        multiline
        value={description()}
        onInput={setDescription}
      />
      <Field
        id={`${id}-how`}
        label={t('directory.form.howToGet')}
        multiline
        value={howTo()}
        onInput={setHowTo}
      />
      <Field
        id={`${id}-languages`}
        label={t('directory.form.languages')}
        value={languages()}
        onInput={setLanguages}
      />
      <fieldset>
        <legend>{t('directory.form.days')}</legend>
        <DayPicker id={id} days={days()} onChange={setDays} />
        <div class="dir-times">
          <Field
            id={`${id}-opens`}
            label={t('directory.form.opens')}
            type="time"
            value={opens()}
            onInput={setOpens}
          />
          <Field
            id={`${id}-closes`}
            label={t('directory.form.closes')}
            type="time"
            value={closes()}
            onInput={setCloses}
          />
        </div>
        <Show when={otherHours().length > 0}>
          <p class="dir-muted">{t('directory.form.otherHours')}</p>
          <HoursList schedules={otherHours()} />
        </Show>
      </fieldset>
      <fieldset>
        <legend>{t('directory.form.offeredAt')}</legend>
        <Show
          when={props.places.length > 0}
          fallback={<p class="dir-muted">{t('directory.form.noPlaces')}</p>}
        >
          <For each={props.places}>
            {(p) => (
              <label class="dir-check">
                <input
                  type="checkbox"
                  data-testid={`${id}-place-${p.id}`}
                  checked={places().includes(p.id)}
                  onChange={(e) =>
                    setPlaces(
                      e.currentTarget.checked
                        ? [...places(), p.id]
                        : places().filter((x) => x !== p.id),
                    )
                  }
                />{' '}
                {[p.name, p.addresses[0]?.address1].filter(Boolean).join(', ') || p.id}
              </label>
            )}
          </For>
        </Show>
      </fieldset>
      <ContactsEditor id={id} drafts={contacts()} onChange={setContacts} />
      <FormEnd id={id} error={error()} onCancel={() => props.onDone()} />
    </form>
  )
}

/** Adds a self-help group the agency lists, or edits an organization's own details. */
export const OrganizationForm = (props: {
  actor: RoleActor
  organization?: DirOrganization
  onDone: () => void
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const start = props.organization
  const id = start ? `dir-org-edit-${start.id}` : 'dir-group'
  const [name, setName] = createSignal(start?.name ?? '')
  const [description, setDescription] = createSignal(start?.description ?? '')
  const [email, setEmail] = createSignal(start?.email ?? '')
  const [website, setWebsite] = createSignal(start?.website ?? '')
  const [phones, setPhones] = createSignal(phonesText(start?.phones ?? []))
  const [contacts, setContacts] = createSignal(contactDrafts(start?.contacts ?? []))
  const [error, setError] = createSignal<MessageKey | null>(null)
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const now = props.organization
    try {
      saveOrganization(sync.workspace.doc, props.actor, {
        ...now,
        id: start?.id,
        kind: now?.kind ?? 'self-help-group',
        name: name().trim(),
        description: description().trim(),
        email: optional(email()),
        website: optional(website()),
        phones: phonesFrom(phones(), now?.phones ?? []),
        contacts: contactsFrom(contacts(), now?.contacts ?? []),
      })
      props.onDone()
    } catch (err) {
      setError(errorKey(err, 'directory.error.invalid-organization'))
    }
  }
  return (
    <form
      class="dir-form"
      onSubmit={submit}
      data-testid={`${id}-form`}
      aria-label={
        start ? t('directory.form.editing', { name: start.name }) : t('directory.form.addGroup')
      }
    >
      <Field
        id={`${id}-name`}
        label={t('directory.form.name')}
        required
        autofocus
        value={name()}
        onInput={setName}
      />
      <Field
        id={`${id}-description`}
        label={t('directory.form.description')}
        multiline
        value={description()}
        onInput={setDescription}
      />
      <Field
        id={`${id}-email`}
        label={t('directory.form.email')}
        type="email"
        value={email()}
        onInput={setEmail}
      />
      <Field
        id={`${id}-website`}
        label={t('directory.form.website')}
        type="url"
        value={website()}
        onInput={setWebsite}
      />
      <Field
        id={`${id}-phones`}
        label={t('directory.form.phones')}
        hint={t('directory.form.phonesHint')}
        multiline
        value={phones()}
        onInput={setPhones}
      />
      <ContactsEditor id={id} drafts={contacts()} onChange={setContacts} />
      <FormEnd id={id} error={error()} onCancel={() => props.onDone()} />
    </form>
  )
}
