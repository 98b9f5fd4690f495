import { For, Match, Show, Switch } from 'solid-js'
import type { FieldChange, FieldValue, TextPart } from '../../model/history-diff.ts'
import { useI18n } from '../i18n/i18n.tsx'
import './history.css'
import { registerMessages } from '../i18n/catalog.ts'
import { history } from '../i18n/messages/history.ts'

registerMessages(history)

/** A field's name as the document stores it: the map, then the key. */
export const fieldName = (map: string, key: string): string => `${map} › ${key}`

/** A value as plain text: a text field as it reads, anything else as compact JSON. */
export const valueText = (v: FieldValue): string =>
  v.kind === 'text' ? v.text : typeof v.value === 'string' ? v.value : JSON.stringify(v.value)

/** A text's change: kept words plain, inserted and removed ones marked (never as HTML). */
export const TextDiff = (props: { parts: TextPart[] }) => {
  const { t } = useI18n()
  return (
    <p class="history-text" data-testid="history-text-diff">
      <For each={props.parts}>
        {(part) => (
          <Switch>
            <Match when={part.op === 'same'}>{part.text}</Match>
            <Match when={part.op === 'insert'}>
              <ins data-testid="history-inserted">
                <span class="visually-hidden">{t('history.text.inserted')} </span>
                {part.text}
              </ins>
            </Match>
            <Match when={part.op === 'delete'}>
              <del data-testid="history-removed">
                <span class="visually-hidden">{t('history.text.removed')} </span>
                {part.text}
              </del>
            </Match>
          </Switch>
        )}
      </For>
    </p>
  )
}

/** What one history entry changed, field by field. */
export const HistoryChanges = (props: { changes: FieldChange[] }) => {
  const { t } = useI18n()
  return (
    <Show
      when={props.changes.length > 0}
      fallback={<p class="field-hint">{t('history.entry.none')}</p>}
    >
      <ul class="history-changes">
        <For each={props.changes}>
          {(c) => (
            <li data-testid="history-change" data-field={`${c.map}.${c.key}`}>
              <span class="history-field">{fieldName(c.map, c.key)}</span>{' '}
              <span class="history-kind">{t(`history.change.${c.change}`)}</span>
              <Switch>
                <Match when={c.withheld}>
                  <p class="field-hint">{t('history.change.withheld')}</p>
                </Match>
                <Match when={c.text}>{(parts) => <TextDiff parts={parts()} />}</Match>
                <Match when={true}>
                  <dl class="history-values">
                    <Show when={c.before}>
                      {(v) => (
                        <>
                          <dt>{t('history.value.before')}</dt>
                          <dd>
                            <del>{valueText(v())}</del>
                          </dd>
                        </>
                      )}
                    </Show>
                    <Show when={c.after}>
                      {(v) => (
                        <>
                          <dt>{t('history.value.after')}</dt>
                          <dd>
                            <ins>{valueText(v())}</ins>
                          </dd>
                        </>
                      )}
                    </Show>
                  </dl>
                </Match>
              </Switch>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
