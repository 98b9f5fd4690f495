import { createMemo, For, Match, Show, Switch } from 'solid-js'
import type { DocumentContent } from '../../model/history-diff.ts'
import { snapshotItems } from '../../model/history-fields.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useHistoryLabels } from './history-labels.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { history } from '../i18n/messages/history.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(history, referralPanels)

/**
 * A document as it was, read-only: its texts, each decision field's value then and its records,
 * named as the document's own screen names them; any kind of document, also one this version
 * cannot edit, shows (unknown fields under their own names).
 */
export const HistorySnapshot = (props: {
  content: DocumentContent
  heading: string
  onClose: () => void
}) => {
  const { t } = useI18n()
  const labels = useHistoryLabels()
  const snapshot = createMemo(() => snapshotItems(props.content))
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
      <Show when={snapshot().items.length > 0} fallback={<p>{t('history.view.empty')}</p>}>
        <dl class="history-fields">
          <For each={snapshot().items}>
            {(item) => (
              <>
                <dt>{labels.label(item)}</dt>
                <dd data-testid="history-snapshot-value" data-field={item.field}>
                  <Switch>
                    <Match when={item.item === 'text' && item}>
                      {(x) => x().text || t('panels.print.notWritten')}
                    </Match>
                    <Match when={item.item === 'decision' && item}>
                      {(d) => {
                        const values = () =>
                          d()
                            .values.map((v) => labels.value(d().name, v))
                            .join(' / ')
                        return d().disputed
                          ? t('panels.print.disputed', { values: values() })
                          : values()
                      }}
                    </Match>
                    <Match when={item.item === 'record' && item}>
                      {(r) => labels.value(r().name, r().value)}
                    </Match>
                  </Switch>
                </dd>
              </>
            )}
          </For>
        </dl>
      </Show>
      <Show when={snapshot().withheld}>
        <p class="field-hint">{t('history.change.withheld')}</p>
      </Show>
      <button type="button" class="button secondary" onClick={() => props.onClose()}>
        {t('history.view.close')}
      </button>
    </section>
  )
}
