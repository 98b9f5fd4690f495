import { createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js'
import { registerSW } from 'virtual:pwa-register'
import { useI18n } from '../i18n/i18n.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'

registerMessages(common)

/** A device open for days in the field still learns about a new version when it is online. */
const UPDATE_CHECK_MS = 60 * 60 * 1000
/** "Works offline now" is news, not a question: it steps aside on its own. */
const OFFLINE_READY_MS = 15_000

/**
 * Registers the service worker and says, without blocking anything, when the app works offline
 * and when a new version is waiting. The new version is only activated when the person presses
 * "Reload": edits are already in IndexedDB, but nobody should lose their place mid-sentence.
 */
export const UpdatePrompt = () => {
  const { t } = useI18n()
  const [needRefresh, setNeedRefresh] = createSignal(false)
  const [offlineReady, setOfflineReady] = createSignal(false)
  let updateSW: ((reloadPage?: boolean) => Promise<void>) | undefined
  const cleanups: (() => void)[] = []

  onMount(() => {
    if (!('serviceWorker' in navigator)) return
    updateSW = registerSW({
      onNeedRefresh: () => {
        setOfflineReady(false)
        setNeedRefresh(true)
      },
      onOfflineReady: () => {
        setOfflineReady(true)
        const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_MS)
        cleanups.push(() => clearTimeout(timer))
      },
      onRegisteredSW: (_url, registration) => {
        if (!registration) return
        const check = () => {
          if (!navigator.onLine || registration.installing) return
          registration.update().catch(() => undefined)
        }
        const timer = setInterval(check, UPDATE_CHECK_MS)
        window.addEventListener('online', check)
        cleanups.push(() => {
          clearInterval(timer)
          window.removeEventListener('online', check)
        })
      },
      onRegisterError: (error: unknown) =>
        console.warn('service worker registration failed', error),
    })
  })
  onCleanup(() => cleanups.forEach((c) => c()))

  const reload = () => {
    if (updateSW) void updateSW(true)
    else window.location.reload()
  }
  const dismiss = () => {
    setNeedRefresh(false)
    setOfflineReady(false)
  }

  // The live region stays in the document so that screen readers announce what appears in it.
  return (
    <div class="update-prompt" role="status" aria-live="polite">
      <Show when={needRefresh()}>
        <Banner testId="update-available" text={t('update.available')} onDismiss={dismiss}>
          <button type="button" class="button primary" data-testid="update-reload" onClick={reload}>
            {t('update.reload')}
          </button>
        </Banner>
      </Show>
      <Show when={!needRefresh() && offlineReady()}>
        <Banner testId="offline-ready" text={t('update.offlineReady')} onDismiss={dismiss} />
      </Show>
    </div>
  )
}

/** One piece of news about the app, with its buttons (children) and the one to dismiss it. */
const Banner = (props: {
  testId: string
  text: string
  onDismiss: () => void
  children?: JSX.Element
}) => {
  const { t } = useI18n()
  return (
    <div class="update-banner" data-testid={props.testId}>
      <p>{props.text}</p>
      <div class="update-actions">
        {props.children}
        <button type="button" class="button secondary" onClick={() => props.onDismiss()}>
          {t('update.dismiss')}
        </button>
      </div>
    </div>
  )
}
