import { useNavigate } from '@solidjs/router'
import { createSignal, onMount, Show } from 'solid-js'
import { LanguageSwitcher } from '../components/language-switcher.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { intlLocale } from '../i18n/translate.ts'
import { createSyncStatus } from '../state/create-sync-status.ts'
import { useSession, useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-a.css'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'
import { settings } from '../i18n/messages/settings.ts'

registerMessages(common, settings)

type Persistence = 'unknown' | 'granted' | 'not-granted' | 'unsupported'

const UNITS = [
  ['terabyte', 1e12],
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
  ['byte', 1],
] as const

/** 12 345 678 → "12,3 MB" in Polish, "12.3 MB" in English. */
const formatBytes = (bytes: number, locale: string): string => {
  const [unit, size] = UNITS.find(([, size]) => bytes >= size) ?? ['byte', 1]
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(bytes / size)
}

/** Persistent storage and the space used, as the browser reports them. */
const createStorage = () => {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
  const supported = typeof storage?.persist === 'function'
  const [persistence, setPersistence] = createSignal<Persistence>(
    supported ? 'unknown' : 'unsupported',
  )
  const [estimate, setEstimate] = createSignal<StorageEstimate | null>(null)
  const [asking, setAsking] = createSignal(false)

  const refreshEstimate = async () => {
    if (typeof storage?.estimate !== 'function') return
    try {
      setEstimate(await storage.estimate())
    } catch {
      setEstimate(null)
    }
  }
  onMount(() => {
    if (supported && typeof storage?.persisted === 'function') {
      storage.persisted().then(
        (p) => setPersistence(p ? 'granted' : 'not-granted'),
        () => setPersistence('not-granted'),
      )
    }
    void refreshEstimate()
  })

  const persist = async () => {
    if (!supported || !storage) return
    setAsking(true)
    try {
      setPersistence((await storage.persist()) ? 'granted' : 'not-granted')
    } catch {
      setPersistence('not-granted')
    } finally {
      setAsking(false)
    }
    void refreshEstimate()
  }
  return { persistence, estimate, asking, persist }
}

const StorageSection = () => {
  const { t, locale } = useI18n()
  const storage = createStorage()
  const usage = () => {
    const e = storage.estimate()
    if (!e || e.usage === undefined || e.quota === undefined) return null
    return t('settings.storage.usage', {
      used: formatBytes(e.usage, intlLocale(locale(), Intl.NumberFormat)),
      quota: formatBytes(e.quota, intlLocale(locale(), Intl.NumberFormat)),
    })
  }
  const answer = () => {
    switch (storage.persistence()) {
      case 'granted':
        return t('settings.storage.granted')
      case 'not-granted':
        return t('settings.storage.notGranted')
      case 'unsupported':
        return t('settings.storage.unsupported')
      default:
        return ''
    }
  }
  return (
    <section class="sa-panel" aria-labelledby="settings-storage-title">
      <h2 id="settings-storage-title">{t('settings.storage.heading')}</h2>
      <p class="sa-muted">{t('settings.storage.help')}</p>
      <p data-testid="storage-usage">{usage() ?? t('settings.storage.usageUnknown')}</p>
      <p
        role="status"
        classList={{
          'sa-notice': storage.persistence() === 'granted',
          'sa-warning': storage.persistence() === 'not-granted',
        }}
        data-testid="storage-persisted"
        data-state={storage.persistence()}
      >
        {storage.asking() ? t('settings.storage.asking') : answer()}
      </p>
      <Show when={storage.persistence() === 'not-granted' || storage.persistence() === 'unknown'}>
        <button
          type="button"
          class="primary"
          disabled={storage.asking()}
          onClick={() => void storage.persist()}
          data-testid="storage-persist"
        >
          {t('settings.storage.persist')}
        </button>
      </Show>
    </section>
  )
}

const WhoAmI = () => {
  const { t } = useI18n()
  const ws = useWorkspace()
  return (
    <section class="sa-panel" aria-labelledby="settings-me-title">
      <h2 id="settings-me-title">{t('settings.me.heading')}</h2>
      <Show when={ws.me()} fallback={<p class="sa-muted">{t('settings.me.unknown')}</p>}>
        {(me) => (
          <dl class="settings-me" data-testid="settings-me">
            <dt>{t('settings.me.name')}</dt>
            <dd data-testid="settings-me-name">{me().displayName}</dd>
            <dt>{t('settings.me.agency')}</dt>
            <dd data-testid="settings-me-agency">{ws.agency(me().agencyId)?.name ?? '—'}</dd>
            <dt>{t('settings.me.role')}</dt>
            <dd data-testid="settings-me-role">{t(`role.${me().role}`)}</dd>
          </dl>
        )}
      </Show>
    </section>
  )
}

const LogoutSection = () => {
  const { t } = useI18n()
  const navigate = useNavigate()
  const { logout } = useSession()
  const status = createSyncStatus(useSync())
  const [confirming, setConfirming] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  let cancel: HTMLButtonElement | undefined
  let open: HTMLButtonElement | undefined

  const ask = () => {
    setConfirming(true)
    cancel?.focus()
  }
  const close = () => {
    setConfirming(false)
    open?.focus()
  }
  const confirm = async () => {
    setBusy(true)
    await logout()
    navigate('/', { replace: true })
  }

  return (
    <section class="sa-panel" aria-labelledby="settings-logout-title">
      <h2 id="settings-logout-title">{t('settings.logout.heading')}</h2>
      <p class="sa-muted">{t('settings.logout.help')}</p>
      <Show
        when={confirming()}
        fallback={
          <button ref={open} type="button" class="danger" onClick={ask} data-testid="logout">
            {t('settings.logout.button')}
          </button>
        }
      >
        <div
          class="sa-confirm"
          data-testid="logout-confirm-box"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy()) close()
          }}
        >
          <p role="alert">
            <strong>{t('settings.logout.warning')}</strong>
          </p>
          <Show
            when={status().pending > 0}
            fallback={
              <p class="sa-notice" data-testid="logout-pending" data-count="0">
                {t('status.allSaved')}
              </p>
            }
          >
            <div class="sa-alert" data-testid="logout-pending" data-count={status().pending}>
              <p>
                <strong>{t('settings.logout.pending', { count: status().pending })}</strong>
              </p>
              <p>{t('settings.logout.waitHint')}</p>
            </div>
          </Show>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={busy()}
              onClick={() => void confirm()}
              data-testid="logout-confirm"
            >
              {busy() ? t('settings.logout.working') : t('settings.logout.confirm')}
            </button>
            <button
              ref={cancel}
              type="button"
              class="secondary"
              disabled={busy()}
              onClick={close}
              data-testid="logout-cancel"
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      </Show>
    </section>
  )
}

/** `/settings`: language, storage on this device, who I am, and logging out. */
export default function Settings() {
  const { t } = useI18n()
  return (
    <section class="sa-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <section class="sa-panel" aria-labelledby="settings-language-title">
        <h2 id="settings-language-title">{t('settings.language.heading')}</h2>
        <div data-testid="settings-language">
          <LanguageSwitcher />
        </div>
      </section>
      <StorageSection />
      <WhoAmI />
      <LogoutSection />
    </section>
  )
}
