import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show } from 'solid-js'
import {
  contentHash,
  type SignOff,
  signOff,
  type SignOffResult,
  verifySignOffs,
} from '../../model/index.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'
import { deviceKey, storedDeviceKey } from '../../sync/device-keys.ts'
import {
  cachedEnrolledKeys,
  enrolledKeys,
  type KeysByMember,
  registerDeviceKey,
} from '../../sync/signing-keys.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSync } from '../state/session.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { ByLine, createAction, ErrorAlert, sideOf } from './referral-panels-shared.tsx'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

export interface Verified {
  signOff: SignOff
  result: SignOffResult
}

/**
 * Verifies the sign-offs (RF20, RF21) and hashes the content (RF18) again whenever the referral
 * or the relay's list of enrolled keys changes; an answer that arrives after a newer change
 * started is dropped. The list comes from the relay when reachable, else from this device's copy.
 */
export const createVerification = (doc: () => DocConnection['doc'], changed: () => unknown) => {
  const sync = useSync()
  const [verified, setVerified] = createSignal<Verified[] | null>(null)
  const [hash, setHash] = createSignal<string | null>(null)
  const [keys, setKeys] = createSignal<KeysByMember | undefined>(cachedEnrolledKeys())
  let latest = 0
  let disposed = false
  onCleanup(() => (disposed = true))
  const refreshKeys = () =>
    enrolledKeys(sync.tokens).then((k) => {
      if (!disposed) setKeys(k)
    })
  void refreshKeys()
  createEffect(
    on([changed, keys], () => {
      const run = ++latest
      void Promise.all([verifySignOffs(doc(), keys()), contentHash(doc())]).then(
        ([results, h]) => {
          if (disposed || run !== latest) return
          setVerified(results)
          setHash(h)
        },
        () => undefined,
      )
    }),
  )
  return { verified, hash, refreshKeys }
}

const EXPLAIN: Record<SignOffResult, MessageKey | null> = {
  valid: null,
  'changed-since-signed': 'panels.signoff.explain.changed',
  invalid: 'panels.signoff.explain.invalid',
  'not-signers-key': 'panels.signoff.explain.notSignersKey',
  'signer-unchecked': 'panels.signoff.explain.signerUnchecked',
}

const sameKey = (a: JsonWebKey, b: JsonWebKey | undefined) =>
  b !== undefined && a.x === b.x && a.y === b.y && a.crv === b.crv

/**
 * Sign-off (RF19–RF21): a party signs the exact current content with this device's key; every
 * sign-off shows whether it still matches the content, was signed over an earlier version, or
 * does not verify at all.
 */
export const ReferralSignOffs = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const id = createUniqueId()
  const action = createAction()
  const sync = useSync()
  const { verified, hash, refreshKeys } = createVerification(
    () => props.conn.doc,
    () => props.referral(),
  )
  const [busy, setBusy] = createSignal(false)
  const [myKey, setMyKey] = createSignal<JsonWebKey | undefined>()
  void storedDeviceKey().then(
    (k) => setMyKey(k?.publicKeyJwk),
    () => undefined,
  )
  const isParty = () => sideOf(props.referral(), props.me.agencyId) !== undefined
  const signedByMe = () =>
    (verified() ?? []).some((v) => v.result === 'valid' && v.signOff.memberId === props.me.memberId)
  const sign = async () => {
    setBusy(true)
    try {
      await action.runAsync(async () => {
        const key = await deviceKey()
        setMyKey(key.publicKeyJwk)
        await signOff(props.conn.doc, props.me, key.keyPair, key.publicKeyJwk)
        // Registered at start already when online; offline, the others see the signer as
        // unchecked until this device reaches the relay.
        await registerDeviceKey(sync.tokens).then(refreshKeys, () => undefined)
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="rp-panel" aria-labelledby={`${id}-h`} data-testid="referral-signoffs">
      <h2 id={`${id}-h`}>{t('panels.signoff.heading')}</h2>
      <p>{t('panels.signoff.explain')}</p>
      <p class="rp-muted">{t('panels.signoff.limits')}</p>
      <Show when={hash()}>
        {(h) => (
          <p class="rp-muted">
            {t('panels.signoff.fingerprint')}{' '}
            <code class="rp-hash" data-testid="signoff-hash">
              {h().slice(0, 16)}
            </code>
          </p>
        )}
      </Show>
      <Show when={!props.readOnly && isParty()}>
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={busy() || signedByMe()}
            aria-describedby={signedByMe() ? `${id}-signed` : undefined}
            onClick={() => void sign()}
            data-testid="signoff-sign"
          >
            {busy() ? t('panels.signoff.signing') : t('panels.signoff.sign')}
          </button>
        </div>
        <Show when={signedByMe()}>
          <p id={`${id}-signed`} class="rp-muted" data-testid="signoff-signed-by-me">
            {t('panels.signoff.alreadySigned')}
          </p>
        </Show>
      </Show>
      <ErrorAlert problem={action.problem()} testId="signoff-error" />
      <h3>{t('panels.signoff.listHeading')}</h3>
      <Show when={verified()} fallback={<p class="rp-muted">{t('panels.signoff.checking')}</p>}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={<p data-testid="signoff-none">{t('panels.signoff.none')}</p>}
          >
            <ol class="rp-list rp-records" aria-live="polite">
              <For each={list()}>
                {(v) => (
                  <li
                    class="rp-record"
                    data-testid="signoff-item"
                    data-id={v.signOff.id}
                    data-status={v.result}
                    data-member={v.signOff.memberId}
                  >
                    <p class="rp-record-head">
                      <ByLine by={v.signOff} />{' '}
                      <span class={`rp-badge rp-badge--${v.result}`} data-testid="signoff-status">
                        {t(`panels.signoff.status.${v.result}`)}
                      </span>
                    </p>
                    <Show when={EXPLAIN[v.result]}>
                      {(key) => <p class="rp-muted">{t(key())}</p>}
                    </Show>
                    <Show when={sameKey(v.signOff.publicKeyJwk, myKey())}>
                      <p class="rp-muted">{t('panels.signoff.thisDevice')}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  )
}
