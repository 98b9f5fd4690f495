import { createSignal, For, type JSX, Show } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { BarChart } from './dashboard-chart.tsx'
import { downloadCsv, toCsv } from './dashboard-csv.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { dashboard } from '../i18n/messages/dashboard.ts'

registerMessages(dashboard)

export interface FigureRow {
  /** Stable id of the row (a status, an agency id, a stage), for tests and the CSV's order. */
  key: string
  label: string
  values: number[]
}

export interface FigureProps {
  /** Names the section's test ids and its CSV file. */
  id: string
  heading: string
  hint: string
  /** The row label's column, then one per value. */
  columns: string[]
  rows: FigureRow[]
  /** A last row summing up (its label is "Total"). */
  total?: number[]
  /** Which value columns the chart draws, and in which colour. */
  chart: { column: number; color: string }[]
  fileName: string
  /** Shown above the chart and the table, e.g. the overall median. */
  summary?: JSX.Element
}

/**
 * One figure of the dashboard: a heading, what it counts, a chart beside a table holding the same
 * numbers (the table is the accessible form), and a CSV download of the table.
 */
export const DashboardFigure = (props: FigureProps) => {
  const { t, formatNumber } = useI18n()
  const [saved, setSaved] = createSignal<string | null>(null)
  const headingId = () => `dashboard-${props.id}-heading`
  const csvRows = () => [
    ...props.rows.map((r) => [r.label, ...r.values]),
    ...(props.total ? [[t('dashboard.total'), ...props.total]] : []),
  ]
  const download = () => {
    downloadCsv(props.fileName, toCsv(props.columns, csvRows()))
    setSaved(props.fileName)
  }
  return (
    <section
      class="dashboard-figure"
      aria-labelledby={headingId()}
      data-testid={`dashboard-${props.id}`}
    >
      <h2 id={headingId()}>{props.heading}</h2>
      <p class="field-hint">{props.hint}</p>
      {props.summary}
      <Show
        when={props.rows.length > 0}
        fallback={
          <p class="empty-state" data-testid={`dashboard-${props.id}-empty`}>
            {t('dashboard.empty')}
          </p>
        }
      >
        <div class="dashboard-figure-body">
          <BarChart
            labels={props.rows.map((r) => r.label)}
            series={props.chart.map((c) => ({
              label: props.columns[c.column + 1] ?? '',
              data: props.rows.map((r) => r.values[c.column] ?? 0),
              color: c.color,
            }))}
          />
          <div class="dashboard-table-wrap" tabindex="0" aria-labelledby={headingId()}>
            <table class="dashboard-table" data-testid={`dashboard-${props.id}-table`}>
              <caption class="visually-hidden">{props.heading}</caption>
              <thead>
                <tr>
                  <For each={props.columns}>
                    {(c, i) => (
                      <th scope="col" class={i() > 0 ? 'num' : undefined}>
                        {c}
                      </th>
                    )}
                  </For>
                </tr>
              </thead>
              <tbody>
                <For each={props.rows}>
                  {(row) => (
                    <tr data-testid={`dashboard-${props.id}-row`} data-key={row.key}>
                      <th scope="row">{row.label}</th>
                      <For each={row.values}>
                        {(v) => (
                          <td class="num" data-value={v}>
                            {formatNumber(v)}
                          </td>
                        )}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
              <Show when={props.total}>
                {(total) => (
                  <tfoot>
                    <tr data-testid={`dashboard-${props.id}-total`}>
                      <th scope="row">{t('dashboard.total')}</th>
                      <For each={total()}>
                        {(v) => (
                          <td class="num" data-value={v}>
                            {formatNumber(v)}
                          </td>
                        )}
                      </For>
                    </tr>
                  </tfoot>
                )}
              </Show>
            </table>
          </div>
        </div>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={download}
            data-testid={`dashboard-${props.id}-csv`}
          >
            {t('dashboard.csv')}
          </button>
          <span role="status" class="field-hint">
            {saved() ? t('dashboard.csvDone', { file: saved() ?? '' }) : ''}
          </span>
        </div>
      </Show>
    </section>
  )
}
