import { createSignal, onCleanup } from 'solid-js'
import { ApiError } from '../../sync/session.ts'

/** Whether the browser believes it has a network; the relay may still be unreachable. */
export const createOnline = (): (() => boolean) => {
  const [online, setOnline] = createSignal(navigator.onLine)
  const update = () => setOnline(navigator.onLine)
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  onCleanup(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}

/** True when the relay could not be reached at all (no network, relay down, gateway error). */
export const isUnreachable = (err: unknown): boolean =>
  err instanceof TypeError || (err instanceof ApiError && err.status >= 502 && err.status <= 504)
