import { createSignal, For, Show } from 'solid-js'
import {
  ModelError,
  newDirectoryId,
  type RoleActor,
  saveOrganization,
  saveService,
  WEEKDAYS,
  type Weekday,
  weeklySchedule,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSync } from '../state/session.tsx'
import { directory } from '../i18n/messages/directory.ts'

registerMessages(directory)

// What a coordinator adds to their agency's entries: a service (or a group's meeting) with its
// weekly hours and languages, and a self-help group the agency lists.

const ERRORS: Partial<Record<string, MessageKey>> = {
  'invalid-value': 'directory.error.invalid-value',
  'not-keeper': 'directory.error.not-keeper',
  'not-coordinator': 'directory.error.not-coordinator',
}

/** A refused save as a message key; anything unexpected is rethrown (a bug, not input). */
const errorKey = (e: unknown): MessageKey => {
  if (!(e instanceof ModelError)) throw e
  return ERRORS[e.code] ?? 'directory.error.other'
}

const DayPicker = (props: { id: string; days: Weekday[]; onChange: (d: Weekday[]) => void }) => {
  const { locale } = useI18n()
  const name = (i: number) =>
    new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(
      Date.UTC(2024, 0, 1 + i),
    )
  return (
    <div class="dir-days">
      <For each={WEEKDAYS}>
        {(d, i) => (
          <label>
            <input
              type="checkbox"
              data-testid={`${props.id}-day-${d}`}
              checked={props.days.includes(d)}
              onChange={(e) =>
                props.onChange(
                  e.currentTarget.checked ? [...props.days, d] : props.days.filter((x) => x !== d),
                )
              }
            />{' '}
            {name(i())}
          </label>
        )}
      </For>
    </div>
  )
}

export const ServiceForm = (props: {
  organizationId: string
  actor: RoleActor
  meeting?: boolean
  onDone: () => void
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const id = `dir-new-${props.organizationId}`
  const [name, setName] = createSignal('')
  const [description, setDescription] = createSignal('')
  const [howTo, setHowTo] = createSignal('')
  const [languages, setLanguages] = createSignal('pl')
  const [days, setDays] = createSignal<Weekday[]>([])
  const [opens, setOpens] = createSignal('')
  const [closes, setCloses] = createSignal('')
  const [error, setError] = createSignal<MessageKey | null>(null)

  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const codes = languages()
      .split(/[,\s]+/)
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean)
    try {
      saveService(sync.workspace.doc, props.actor, {
        organizationId: props.organizationId,
        name: name().trim(),
        status: 'active',
        ...(description().trim() && { description: description().trim() }),
        ...(howTo().trim() && { applicationProcess: howTo().trim() }),
        languages: codes.map((code) => ({ id: newDirectoryId(), code })),
        schedules:
          days().length > 0 && opens() && closes()
            ? [weeklySchedule(newDirectoryId(), days(), opens(), closes())]
            : [],
      })
      props.onDone()
    } catch (err) {
      setError(errorKey(err))
    }
  }

  return (
    <form class="dir-form" onSubmit={submit} data-testid={`${id}-form`}>
      <div class="field">
        <label for={`${id}-name`}>{t('directory.form.name')}</label>
        <input
          id={`${id}-name`}
          data-testid={`${id}-name`}
          required
          maxLength={120}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-description`}>{t('directory.form.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={description()}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-how`}>{t('directory.form.howToGet')}</label>
        <textarea
          id={`${id}-how`}
          rows={2}
          value={howTo()}
          onInput={(e) => setHowTo(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-languages`}>{t('directory.form.languages')}</label>
        <input
          id={`${id}-languages`}
          value={languages()}
          onInput={(e) => setLanguages(e.currentTarget.value)}
        />
      </div>
      <fieldset>
        <legend>{t('directory.form.days')}</legend>
        <DayPicker id={id} days={days()} onChange={setDays} />
        <div class="dir-times">
          <div class="field">
            <label for={`${id}-opens`}>{t('directory.form.opens')}</label>
            <input
              id={`${id}-opens`}
              data-testid={`${id}-opens`}
              type="time"
              value={opens()}
              onInput={(e) => setOpens(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`${id}-closes`}>{t('directory.form.closes')}</label>
            <input
              id={`${id}-closes`}
              data-testid={`${id}-closes`}
              type="time"
              value={closes()}
              onInput={(e) => setCloses(e.currentTarget.value)}
            />
          </div>
        </div>
      </fieldset>
      <Show when={error()}>
        {(key) => (
          <p class="sa-alert" role="alert">
            {t(key())}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="primary" data-testid={`${id}-save`}>
          {t('directory.form.save')}
        </button>
        <button type="button" class="secondary" onClick={() => props.onDone()}>
          {t('directory.form.cancel')}
        </button>
      </div>
    </form>
  )
}

export const GroupForm = (props: { actor: RoleActor; onDone: () => void }) => {
  const { t } = useI18n()
  const sync = useSync()
  const [name, setName] = createSignal('')
  const [description, setDescription] = createSignal('')
  const [error, setError] = createSignal<MessageKey | null>(null)
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    try {
      saveOrganization(sync.workspace.doc, props.actor, {
        kind: 'self-help-group',
        name: name().trim(),
        description: description().trim(),
      })
      props.onDone()
    } catch (err) {
      setError(errorKey(err))
    }
  }
  return (
    <form class="dir-form" onSubmit={submit}>
      <div class="field">
        <label for="dir-group-name">{t('directory.form.name')}</label>
        <input
          id="dir-group-name"
          required
          maxLength={120}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="dir-group-description">{t('directory.form.description')}</label>
        <textarea
          id="dir-group-description"
          rows={2}
          value={description()}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </div>
      <Show when={error()}>
        {(key) => (
          <p class="sa-alert" role="alert">
            {t(key())}
          </p>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="primary">
          {t('directory.form.save')}
        </button>
        <button type="button" class="secondary" onClick={() => props.onDone()}>
          {t('directory.form.cancel')}
        </button>
      </div>
    </form>
  )
}
