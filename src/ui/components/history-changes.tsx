import { For, Match, Show, Switch } from 'solid-js'
import type { TextPart } from '../../model/history-diff.ts'
import type { HistoryItem } from '../../model/history-fields.ts'
import type { ReadableValue } from '../../model/history-values.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useHistoryLabels } from './history-labels.ts'
import './history.css'
import { registerMessages } from '../i18n/catalog.ts'
import { history } from '../i18n/messages/history.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(history, referral)

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

/** What one history entry changed, item by item, in the document kind's own words. */
export const HistoryChanges = (props: { items: HistoryItem[] }) => {
  const { t } = useI18n()
  const labels = useHistoryLabels()
  return (
    <Show
      when={props.items.length > 0}
      fallback={<p class="field-hint">{t('history.entry.none')}</p>}
    >
      <ul class="history-changes">
        <For each={props.items}>
          {(item) => (
            <li data-testid="history-change" data-field={item.field}>
              <Switch>
                <Match when={item.item === 'decision' && item}>
                  {(d) => (
                    <>
                      <span class="history-field">{labels.label(d())}:</span>{' '}
                      <span data-testid="history-value">{labels.value(d().name, d().value)}</span>
                      <Show when={d().rationale}>
                        {(why) => (
                          <p class="field-hint">
                            {t('referral.history.resolution', { rationale: why() })}
                          </p>
                        )}
                      </Show>
                    </>
                  )}
                </Match>
                <Match when={true}>
                  <span class="history-field">{labels.label(item)}</span>{' '}
                  <Show when={!item.name.endsWith('.header')}>
                    <span class="history-kind">{t(`history.change.${item.change}`)}</span>
                  </Show>
                  <Switch>
                    <Match when={item.item === 'withheld'}>
                      <p class="field-hint">{t('history.change.withheld')}</p>
                    </Match>
                    <Match when={item.item === 'text' && item}>
                      {(x) => <TextDiff parts={x().parts} />}
                    </Match>
                    <Match when={item.item === 'record' && item}>
                      {(r) => <RecordValues item={r()} />}
                    </Match>
                  </Switch>
                </Match>
              </Switch>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}

type RecordItem = Extract<HistoryItem, { item: 'record' }>

/** A record's value before and after; a value that says nothing (a document opened) is left out. */
const RecordValues = (props: { item: RecordItem }) => {
  const { t } = useI18n()
  const labels = useHistoryLabels()
  const shown = (v: ReadableValue | undefined) => (v?.type === 'none' ? undefined : v)
  return (
    <Show when={shown(props.item.before) ?? shown(props.item.after)}>
      <dl class="history-values">
        <Show when={shown(props.item.before)}>
          {(v) => (
            <>
              <dt>{t('history.value.before')}</dt>
              <dd>
                <del>{labels.value(props.item.name, v())}</del>
              </dd>
            </>
          )}
        </Show>
        <Show when={shown(props.item.after)}>
          {(v) => (
            <>
              <dt>{t('history.value.after')}</dt>
              <dd>
                <ins>{labels.value(props.item.name, v())}</ins>
              </dd>
            </>
          )}
        </Show>
      </dl>
    </Show>
  )
}
