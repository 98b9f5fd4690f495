import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } from 'chart.js'
import { createEffect, onCleanup, onMount } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'

// Only the parts of Chart.js that horizontal bar charts use, so the rest is tree-shaken away;
// this module is reached only from the lazily loaded dashboard screen.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend)

export interface ChartSeries {
  label: string
  data: number[]
  /** Fill colour; 3:1 or more against white (WCAG 1.4.11). */
  color: string
}

/** One bar per label, horizontal so long agency names fit a 360 px phone. */
export const BarChart = (props: { labels: string[]; series: ChartSeries[] }) => {
  const { locale } = useI18n()
  let canvas: HTMLCanvasElement | undefined
  let chart: Chart<'bar'> | undefined
  const data = () => ({
    labels: props.labels,
    datasets: props.series.map((s) => ({
      label: s.label,
      data: s.data,
      backgroundColor: s.color,
      borderColor: s.color,
    })),
  })
  onMount(() => {
    if (!canvas) return
    chart = new Chart(canvas, {
      type: 'bar',
      data: data(),
      options: {
        indexAxis: 'y',
        // No animation: a slow phone draws once and the page does not move under a finger.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: locale(),
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0, color: '#1b1f23' } },
          y: { ticks: { color: '#1b1f23', autoSkip: false } },
        },
        plugins: { legend: { display: props.series.length > 1, labels: { color: '#1b1f23' } } },
      },
    })
  })
  createEffect(() => {
    const next = data()
    const lang = locale()
    if (!chart) return
    chart.data = next
    chart.options.locale = lang
    chart.update('none')
  })
  onCleanup(() => chart?.destroy())
  // The box's height is fixed by the number of bars before the chart draws: nothing shifts.
  return (
    <div
      class="dashboard-chart"
      aria-hidden="true"
      style={{ height: `${Math.max(3, props.labels.length) * 2 + 2.5}rem` }}
    >
      <canvas ref={canvas} />
    </div>
  )
}
