import { For, Show } from 'solid-js'
import { type DocumentContent, WITHHELD_MAPS } from '../../model/history-diff.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { fieldName, valueText } from './history-changes.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { history } from '../i18n/messages/history.ts'

registerMessages(history)

/**
 * A document as it was, read-only: every field of every map with its value or text. Generic on
 * purpose, so that it shows any kind of document, also one this version cannot edit.
 */
export const HistorySnapshot = (props: {
  content: DocumentContent
  heading: string
  onClose: () => void
}) => {
  const { t } = useI18n()
  const fields = () =>
    Object.entries(props.content).flatMap(([map, values]) =>
      WITHHELD_MAPS.has(map)
        ? []
        : Object.keys(values)
            .sort()
            .map((key) => ({ name: fieldName(map, key), v: values[key]! })),
    )
  const withheld = () => Object.keys(props.content).some((m) => WITHHELD_MAPS.has(m))
  let heading!: HTMLHeadingElement
  queueMicrotask(() => heading.focus())
  return (
    <section
      class="history-snapshot"
      aria-labelledby="history-snapshot-heading"
      data-testid="history-snapshot"
    >
      <h3 id="history-snapshot-heading" tabindex="-1" ref={heading}>
        {props.heading}
      </h3>
      <p class="field-hint">{t('history.view.readOnly')}</p>
      <Show when={fields().length > 0} fallback={<p>{t('history.view.empty')}</p>}>
        <dl class="history-fields">
          <For each={fields()}>
            {(f) => (
              <>
                <dt>{f.name}</dt>
                <dd data-testid="history-snapshot-value" data-field={f.name}>
                  {valueText(f.v)}
                </dd>
              </>
            )}
          </For>
        </dl>
      </Show>
      <Show when={withheld()}>
        <p class="field-hint">{t('history.change.withheld')}</p>
      </Show>
      <button type="button" class="button secondary" onClick={() => props.onClose()}>
        {t('history.view.close')}
      </button>
    </section>
  )
}
