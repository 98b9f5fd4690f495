import { createSignal, For, Show } from 'solid-js'
import {
  type Address,
  type DirLocation,
  newDirectoryId,
  removeLocation,
  type RoleActor,
  saveLocation,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { directory } from '../i18n/messages/directory.ts'
import { useSync } from '../state/session.tsx'
import { errorKey, Field, FormEnd } from './directory-form-parts.tsx'
import { optional } from './directory-form-values.ts'
import { PlaceList } from './directory-entry.tsx'

registerMessages(directory)

// The places an organization's keeper manages: name, street address and how to get in. HSDS
// `accessibility` is not kept (DR11), so the note on getting there and step-free access goes in
// the location's `transportation`, which every reader already sees under the address.

const PlaceForm = (props: {
  actor: RoleActor
  organizationId: string
  place?: DirLocation
  /** Region and country of the organization's other places, to start a new one from. */
  near?: Address
  onDone: () => void
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const start = props.place
  const first = start?.addresses[0]
  const id = start ? `dir-place-edit-${start.id}` : `dir-place-new-${props.organizationId}`
  const [name, setName] = createSignal(start?.name ?? '')
  const [street, setStreet] = createSignal(first?.address1 ?? '')
  const [postalCode, setPostalCode] = createSignal(first?.postalCode ?? '')
  const [city, setCity] = createSignal(first?.city ?? props.near?.city ?? '')
  const [region, setRegion] = createSignal(first?.stateProvince ?? props.near?.stateProvince ?? '')
  const [access, setAccess] = createSignal(start?.transportation ?? '')
  const [error, setError] = createSignal<MessageKey | null>(null)
  // A street makes an address, and an HSDS address needs all of these.
  const needed = () => street().trim() !== ''

  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const now = props.place
    const [address, ...others] = now?.addresses ?? []
    const addresses: Address[] = needed()
      ? [
          {
            id: newDirectoryId(),
            country: props.near?.country ?? 'PL',
            addressType: 'physical',
            ...address,
            address1: street().trim(),
            postalCode: postalCode().trim(),
            city: city().trim(),
            stateProvince: region().trim(),
          },
          ...others,
        ]
      : others
    try {
      saveLocation(sync.workspace.doc, props.actor, {
        ...now,
        id: start?.id,
        organizationId: props.organizationId,
        locationType: now?.locationType ?? 'physical',
        name: optional(name()),
        transportation: optional(access()),
        addresses,
      })
      props.onDone()
    } catch (err) {
      setError(errorKey(err, 'directory.error.invalid-place'))
    }
  }

  return (
    <form
      class="dir-form"
      onSubmit={submit}
      data-testid={`${id}-form`}
      aria-label={
        start
          ? t('directory.form.editing', { name: start.name ?? first?.address1 ?? '' })
          : t('directory.form.addPlace')
      }
    >
      <Field
        id={`${id}-name`}
        label={t('directory.form.placeName')}
        autofocus
        value={name()}
        onInput={setName}
      />
      <Field
        id={`${id}-street`}
        label={t('directory.form.street')}
        value={street()}
        onInput={setStreet}
      />
      <div class="dir-times">
        <Field
          id={`${id}-postal`}
          label={t('directory.form.postalCode')}
          required={needed()}
          value={postalCode()}
          onInput={setPostalCode}
        />
        <Field
          id={`${id}-city`}
          label={t('directory.form.city')}
          required={needed()}
          value={city()}
          onInput={setCity}
        />
      </div>
      <Field
        id={`${id}-region`}
        label={t('directory.form.region')}
        required={needed()}
        value={region()}
        onInput={setRegion}
      />
      <Field
        id={`${id}-access`}
        label={t('directory.form.access')}
        multiline
        value={access()}
        onInput={setAccess}
      />
      <FormEnd id={id} error={error()} onCancel={() => props.onDone()} />
    </form>
  )
}

/** The keeper's list of an organization's places, each changed in place or removed. */
export const PlacesEditor = (props: {
  actor: RoleActor
  organizationId: string
  placeIds: string[]
  place: (id: string) => DirLocation | undefined
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const [editing, setEditing] = createSignal<string | null>(null)
  const near = () => props.placeIds.map(props.place).find((p) => p?.addresses[0])?.addresses[0]
  let addButton: HTMLButtonElement | undefined
  return (
    <section class="dir-places-editor" aria-labelledby={`dir-places-${props.organizationId}`}>
      <h4 id={`dir-places-${props.organizationId}`}>{t('directory.places.title')}</h4>
      <ul class="sa-list">
        <For each={props.placeIds}>
          {(placeId) => {
            let editButton: HTMLButtonElement | undefined
            const done = () => {
              setEditing(null)
              editButton?.focus()
            }
            return (
              <Show when={props.place(placeId)}>
                {(place) => (
                  <li class="dir-service" data-testid={`directory-place-${placeId}`}>
                    <Show
                      when={editing() === placeId}
                      fallback={
                        <>
                          <PlaceList places={[place()]} />
                          <div class="actions">
                            <button
                              type="button"
                              class="secondary"
                              ref={editButton}
                              data-testid={`directory-edit-place-${placeId}`}
                              onClick={() => setEditing(placeId)}
                            >
                              {t('directory.form.edit')}
                            </button>
                            <button
                              type="button"
                              class="secondary"
                              onClick={() =>
                                removeLocation(sync.workspace.doc, props.actor, placeId)
                              }
                            >
                              {t('directory.form.remove')}
                            </button>
                          </div>
                        </>
                      }
                    >
                      <PlaceForm
                        actor={props.actor}
                        organizationId={props.organizationId}
                        place={place()}
                        onDone={done}
                      />
                    </Show>
                  </li>
                )}
              </Show>
            )
          }}
        </For>
      </ul>
      <Show
        when={editing() === ''}
        fallback={
          <button
            type="button"
            class="secondary"
            ref={addButton}
            data-testid={`directory-add-place-${props.organizationId}`}
            onClick={() => setEditing('')}
          >
            {t('directory.form.addPlace')}
          </button>
        }
      >
        <PlaceForm
          actor={props.actor}
          organizationId={props.organizationId}
          near={near()}
          onDone={() => {
            setEditing(null)
            addButton?.focus()
          }}
        />
      </Show>
    </section>
  )
}
