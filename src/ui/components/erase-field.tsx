import { createSignal, createUniqueId, onMount, Show } from 'solid-js'
import type { DocConnection } from '../../sync/doc-connection.ts'
import { eraseField } from '../../sync/lifecycle-api.ts'
import { parseRoom } from '../../sync/protocol.ts'
import { ApiError } from '../../sync/session.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { common } from '../i18n/messages/common.ts'
import { erasure } from '../i18n/messages/erasure.ts'
import { isUnreachable } from '../state/network.ts'
import { useSync } from '../state/session.tsx'

registerMessages(common, erasure)

type Outcome = { done: true } | { key: MessageKey; message?: string }

const problemOf = (err: unknown): Outcome => {
  if (isUnreachable(err)) return { key: 'erasure.error.offline' }
  if (err instanceof ApiError && err.status === 403) return { key: 'erasure.error.forbidden' }
  if (err instanceof ApiError && err.status === 404) return { key: 'erasure.error.notOnServer' }
  return { key: 'erasure.error.other', message: err instanceof Error ? err.message : '?' }
}

/**
 * "Erase for good" for one field of a document (R30): asks first, saying it cannot be undone,
 * then has the relay delete the field and everything it ever held, everywhere. `field` is the
 * relay's path ('text/reason', 'identity/details'); `what` names it for the reader.
 */
export const EraseField = (props: {
  conn: DocConnection
  field: string
  what: string
  testId: string
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const id = createUniqueId()
  const [confirming, setConfirming] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [outcome, setOutcome] = createSignal<Outcome | null>(null)
  const erase = async () => {
    setBusy(true)
    try {
      await eraseField(sync.tokens, parseRoom(props.conn.room)?.documentId ?? '', props.field)
      setOutcome({ done: true })
      setConfirming(false)
    } catch (err) {
      setOutcome(problemOf(err))
    } finally {
      setBusy(false)
    }
  }
  const problem = () => {
    const o = outcome()
    return o && 'key' in o ? o : null
  }
  return (
    <div class="erase-field" data-testid={props.testId}>
      <Show
        when={confirming()}
        fallback={
          <button
            type="button"
            class="secondary"
            aria-label={t('erasure.buttonFor', { what: props.what })}
            onClick={() => {
              setOutcome(null)
              setConfirming(true)
            }}
            data-testid={`${props.testId}-ask`}
          >
            {t('erasure.button')}
          </button>
        }
      >
        <ConfirmErase
          id={id}
          text={t('erasure.confirm', { what: props.what })}
          busy={busy()}
          onConfirm={() => void erase()}
          onCancel={() => setConfirming(false)}
          testId={props.testId}
        />
      </Show>
      <p role="status" class="field-hint" data-testid={`${props.testId}-status`}>
        {outcome() && !problem() ? t('erasure.done') : ''}
      </p>
      <Show when={problem()}>
        {(p) => (
          <p role="alert" class="field-error" data-testid={`${props.testId}-error`}>
            {t(p().key, { message: p().message ?? '' })}
          </p>
        )}
      </Show>
    </div>
  )
}

/** The question, announced; focus lands on "Cancel", the safe choice; Escape cancels. */
const ConfirmErase = (props: {
  id: string
  text: string
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
  testId: string
}) => {
  const { t } = useI18n()
  let cancel: HTMLButtonElement | undefined
  onMount(() => cancel?.focus())
  return (
    <div
      class="erase-confirm"
      role="alertdialog"
      aria-labelledby={`${props.id}-q`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel()
      }}
    >
      <p id={`${props.id}-q`}>{props.text}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          disabled={props.busy}
          onClick={() => props.onConfirm()}
          data-testid={`${props.testId}-yes`}
        >
          {t('erasure.confirmYes')}
        </button>
        <button
          ref={cancel}
          type="button"
          class="secondary"
          onClick={() => props.onCancel()}
          data-testid={`${props.testId}-cancel`}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  )
}
