import { createContext, createSignal, type JSX, onCleanup, useContext } from 'solid-js'
import { loadSession, type Session, wipeDevice } from '../../sync/session.ts'
import { registerDeviceKey } from '../../sync/signing-keys.ts'
import { SyncClient } from '../../sync/sync-client.ts'

/** Starts syncing as this device and tells the relay its signing key (RF21; once is enough). */
const startSync = (session: Session): SyncClient => {
  const client = new SyncClient(session)
  void registerDeviceKey(client.tokens).catch(() => undefined)
  return client
}

export interface AppSession {
  session: () => Session | null
  sync: () => SyncClient | null
  /** After enrolment: start syncing as this device. */
  signIn: (session: Session) => void
  /** Log out: stop syncing and wipe this device's documents and credentials. */
  logout: () => Promise<void>
}

const SessionContext = createContext<AppSession>()

export const SessionProvider = (props: { children: JSX.Element }) => {
  const initial = loadSession()
  const [session, setSession] = createSignal<Session | null>(initial)
  const [sync, setSync] = createSignal<SyncClient | null>(initial ? startSync(initial) : null)
  onCleanup(() => sync()?.destroy())
  const value: AppSession = {
    session,
    sync,
    signIn: (s) => {
      sync()?.destroy()
      setSession(s)
      setSync(startSync(s))
    },
    logout: async () => {
      sync()?.destroy()
      setSync(null)
      setSession(null)
      await wipeDevice()
    },
  }
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>
}

export const useSession = (): AppSession => {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside SessionProvider')
  return s
}

/** For screens shown only to an enrolled device. */
export const useSync = (): SyncClient => {
  const sync = useSession().sync()
  if (!sync) throw new Error('no enrolled session')
  return sync
}
