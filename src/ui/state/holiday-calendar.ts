import { createSignal, onCleanup } from 'solid-js'
import {
  getWorkspaceCountry,
  type HolidayCalendar,
  observeWorkspace,
  type WorkspaceCountry,
} from '../../model/index.ts'
import type { SyncClient } from '../../sync/sync-client.ts'

// The workspace's public holidays on this device (W7). The calendar module carries date-holidays
// (about 1.5 MB), so it is imported lazily, once per country: the app shell does not grow, and
// the service worker precaches the chunk with every other, so it loads offline too.

const loaded = new Map<WorkspaceCountry, Promise<HolidayCalendar>>()

/** W7: the public-holiday calendar of a country, loaded once. */
export const loadHolidayCalendar = (country: WorkspaceCountry): Promise<HolidayCalendar> => {
  let calendar = loaded.get(country)
  if (calendar === undefined) {
    calendar = import('../../model/public-holidays.ts').then((m) =>
      m.publicHolidayCalendar(country),
    )
    loaded.set(country, calendar)
  }
  return calendar
}

/**
 * W7: the country the relay published into the workspace document; PL, the relay's default for
 * every partnership that existed before countries, while this device has not received it yet.
 */
export const workspaceCountry = (sync: SyncClient): WorkspaceCountry =>
  getWorkspaceCountry(sync.workspace.doc) ?? 'PL'

/** W7: the calendar of the workspace's country as a signal; undefined while it loads. */
export const createHolidayCalendar = (sync: SyncClient): (() => HolidayCalendar | undefined) => {
  const [calendar, setCalendar] = createSignal<HolidayCalendar>()
  let alive = true
  let shown: WorkspaceCountry | undefined
  const load = () => {
    const country = workspaceCountry(sync)
    if (country === shown) return
    shown = country
    void loadHolidayCalendar(country).then((c) => {
      // A function in a signal must be wrapped, or Solid would call it as an updater.
      if (alive && shown === country) setCalendar(() => c)
    })
  }
  // Once the workspace is loaded from this device, so that its own country is the first asked.
  void sync.workspace.ready.then(() => alive && load())
  const stop = observeWorkspace(sync.workspace.doc, (parts) => {
    if (parts.has('settings')) load()
  })
  onCleanup(() => {
    alive = false
    stop()
  })
  return calendar
}
