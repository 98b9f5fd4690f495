import { For, type JSX, Show } from 'solid-js'
import type { DirContact, DirLanguage, DirLocation, DirService } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { HoursList } from './directory-hours.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { directory } from '../i18n/messages/directory.ts'

registerMessages(directory)

// Read-only pieces of a directory entry. Text from the directory is shown as text, never as
// HTML (HSDS descriptions "can contain markup"; here it stays visible as characters).

/** A language's own name from its code (pl → polski), or what the entry says. */
export const languageName = (l: DirLanguage, locale: string): string => {
  if (l.code) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'language' }).of(l.code)
      if (name && name !== l.code) return name
    } catch {
      // not a code Intl knows: fall back to the entry's own name
    }
  }
  return l.name ?? l.code ?? ''
}

export const Row = (props: { label: string; children: JSX.Element }) => (
  <div class="dir-row">
    <dt>{props.label}</dt>
    <dd>{props.children}</dd>
  </div>
)

export const ContactList = (props: { contacts: readonly DirContact[] }) => (
  <ul class="dir-contacts">
    <For each={props.contacts}>
      {(c) => (
        <li>
          {[c.name, c.title, c.department].filter(Boolean).join(', ')}
          <For each={c.phones}>
            {(p) => (
              <>
                {' '}
                <a href={`tel:${p.number.replace(/[^+\d]/g, '')}`}>{p.number}</a>
              </>
            )}
          </For>
          <Show when={c.email}>
            {(email) => (
              <>
                {' '}
                <a href={`mailto:${email()}`}>{email()}</a>
              </>
            )}
          </Show>
        </li>
      )}
    </For>
  </ul>
)

export const PlaceList = (props: { places: readonly DirLocation[] }) => (
  <ul class="dir-places">
    <For each={props.places}>
      {(l) => (
        <li>
          <Show when={l.name}>
            <strong>{l.name}</strong>
          </Show>
          <For each={l.addresses}>
            {(a) => (
              <span class="dir-address">
                {[a.address1, a.address2, `${a.postalCode} ${a.city}`].filter(Boolean).join(', ')}
              </span>
            )}
          </For>
          <Show when={l.transportation}>
            <span class="dir-muted">{l.transportation}</span>
          </Show>
        </li>
      )}
    </For>
  </ul>
)

/** One service or meeting with its hours, languages, places and contacts. */
export const ServiceDetails = (props: {
  service: DirService
  places: DirLocation[]
  selfHelp?: boolean
  children?: JSX.Element
}) => {
  const { t, locale } = useI18n()
  const s = () => props.service
  const schedules = () => s().schedules
  return (
    <li class="dir-service" data-testid={`directory-service-${s().id}`}>
      <h4>
        {s().name}
        <Show when={s().status !== 'active'}>
          {' '}
          <span class="sa-badge sa-badge--off">{t(`directory.status.${s().status}`)}</span>
        </Show>
      </h4>
      <Show when={s().description}>
        <p>{s().description}</p>
      </Show>
      <Show when={s().alert}>
        <p class="sa-warning">
          {t('directory.service.alert')}: {s().alert}
        </p>
      </Show>
      <dl>
        <Show when={schedules().length > 0}>
          <Row label={t(props.selfHelp ? 'directory.service.meetings' : 'directory.service.hours')}>
            <HoursList schedules={schedules()} testId={`directory-hours-${s().id}`} />
          </Row>
        </Show>
        <Show when={props.places.length > 0}>
          <Row label={t('directory.service.where')}>
            <PlaceList places={props.places} />
          </Row>
        </Show>
        <Show when={s().languages.length > 0}>
          <Row label={t('directory.service.languages')}>
            {s()
              .languages.map((l) => languageName(l, locale()))
              .join(', ')}
          </Row>
        </Show>
        <Show when={s().applicationProcess}>
          <Row
            label={t(props.selfHelp ? 'directory.service.howToJoin' : 'directory.service.howToGet')}
          >
            {s().applicationProcess}
          </Row>
        </Show>
        <Show when={s().eligibilityDescription}>
          <Row label={t('directory.service.eligibility')}>{s().eligibilityDescription}</Row>
        </Show>
        <Show when={s().contacts.length > 0}>
          <Row label={t('directory.service.contacts')}>
            <ContactList contacts={s().contacts} />
          </Row>
        </Show>
      </dl>
      {props.children}
    </li>
  )
}
