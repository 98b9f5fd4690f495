import { A, useParams } from '@solidjs/router'
import { createMemo, For, Show } from 'solid-js'
import { handout } from '../../model/index.ts'
import { ContactList, PlaceList, Row } from '../components/directory-entry.tsx'
import { HoursList } from '../components/directory-hours.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { createDirectory } from '../state/create-directory.ts'
import { useSync } from '../state/session.tsx'
import './screens-a.css'
import './directory.css'
import { registerMessages } from '../i18n/catalog.ts'
import { directory } from '../i18n/messages/directory.ts'

registerMessages(directory)

/**
 * `/directory/handout/:id`: a self-help group's public details to show or print for a person.
 * DR4: built from the directory alone; it has no field for anything about the person.
 */
export default function DirectoryHandoutScreen() {
  const { t } = useI18n()
  const sync = useSync()
  const params = useParams<{ id: string }>()
  const directory = createDirectory(sync)
  const sheet = createMemo(() => (directory.records(), handout(sync.workspace.doc, params.id)))
  return (
    <section class="sa-screen dir-handout" aria-labelledby="dir-handout-title">
      <p class="dir-no-print">
        <A href="/directory">{t('directory.handout.back')}</A>
      </p>
      <Show when={sheet()} fallback={<p class="sa-note">{t('directory.handout.missing')}</p>}>
        {(h) => (
          <article data-testid="directory-handout">
            <p class="dir-muted">{t('directory.handout.title')}</p>
            <h1 id="dir-handout-title">{h().name}</h1>
            <Show when={h().description}>
              <p>{h().description}</p>
            </Show>
            <For each={h().meetings}>
              {(m) => (
                <section class="dir-handout-meeting">
                  <h2>{m.name}</h2>
                  <Show when={m.description}>
                    <p>{m.description}</p>
                  </Show>
                  <dl>
                    <Show when={m.schedules.length > 0}>
                      <Row label={t('directory.service.meetings')}>
                        <HoursList schedules={m.schedules} />
                      </Row>
                    </Show>
                    <Show when={m.places.length > 0}>
                      <Row label={t('directory.service.where')}>
                        <PlaceList places={m.places} />
                      </Row>
                    </Show>
                    <Show when={m.howToJoin}>
                      <Row label={t('directory.service.howToJoin')}>{m.howToJoin}</Row>
                    </Show>
                    <Show when={m.contacts.length > 0}>
                      <Row label={t('directory.service.contacts')}>
                        <ContactList contacts={m.contacts} />
                      </Row>
                    </Show>
                  </dl>
                </section>
              )}
            </For>
            <Show when={h().contacts.length > 0 || h().email || h().website}>
              <dl>
                <Row label={t('directory.service.contacts')}>
                  <ContactList contacts={h().contacts} />
                  <Show when={h().email}>{(e) => <p>{e()}</p>}</Show>
                  <Show when={h().website}>{(w) => <p>{w()}</p>}</Show>
                </Row>
              </dl>
            </Show>
            <p class="dir-muted dir-no-print">{t('directory.handout.note')}</p>
            <p class="dir-no-print">
              <button type="button" class="primary" onClick={() => window.print()}>
                {t('directory.handout.print')}
              </button>
            </p>
          </article>
        )}
      </Show>
    </section>
  )
}
