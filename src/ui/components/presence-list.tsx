import { For, Show } from 'solid-js'
import type { Presence } from '../../sync/presence.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { openDocument } from '../i18n/messages/document.ts'

registerMessages(openDocument)

/**
 * Who else has this document open: each peer reading, or in a field `fieldLabel` names (a field
 * it does not name counts as reading).
 */
export const PresenceList = (props: {
  peers: Presence[]
  headingId: string
  fieldLabel: (field: string | null) => MessageKey | undefined
}) => {
  const { t } = useI18n()
  return (
    <Show when={props.peers.length > 0}>
      <div class="presence" data-testid="presence">
        <h2 id={props.headingId} class="presence-heading">
          {t('document.presence.label')}
        </h2>
        <ul aria-labelledby={props.headingId}>
          <For each={props.peers}>
            {(p) => {
              const key = props.fieldLabel(p.field)
              return (
                <li data-testid="presence-peer">
                  {key
                    ? t('document.presence.inField', { name: p.name, field: t(key) })
                    : t('document.presence.reading', { name: p.name })}
                </li>
              )
            }}
          </For>
        </ul>
      </div>
    </Show>
  )
}

/** The names of the peers in one field, each once. */
export const editorsIn = (peers: Presence[], field: string): string[] => [
  ...new Set(peers.filter((p) => p.field === field).map((p) => p.name)),
]

/** "Anna and Marek are editing", shown with a field's label while others are in it. */
export const EditingMarker = (props: { names: string[]; testId?: string }) => {
  const { t, locale } = useI18n()
  const names = (list: string[]) =>
    new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(list)
  return (
    <Show when={props.names.length > 0}>
      <span class="editing-marker" data-testid={props.testId}>
        {t('document.editing', {
          count: props.names.length,
          names: names(props.names),
        })}
      </span>
    </Show>
  )
}
