import { createEffect, createMemo, createSignal, For, type JSX, on, onMount, Show } from 'solid-js'
import { ROLES, type Role } from '../../model/index.ts'
import { ApiError, RevokedError } from '../../sync/session.ts'
import type { SyncClient } from '../../sync/sync-client.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { RetentionPanel } from '../components/retention-panel.tsx'
import { RetryAlert } from '../components/retry-alert.tsx'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { createOnline, isUnreachable } from '../state/network.ts'
import { useSync } from '../state/session.tsx'
import { groupCode } from './join.tsx'
import './screens-a.css'
import { admin } from '../i18n/messages/admin.ts'
import { common } from '../i18n/messages/common.ts'
import { workspace } from '../i18n/messages/workspace.ts'

registerMessages(admin, common, workspace)

// What the relay answers (sync-server/api.ts).
interface RelayMember {
  id: string
  displayName: string
  agencyId: string
  role: Role
  removed: boolean
}

interface RelayDevice {
  id: string
  memberId: string
  label: string
  createdAt: string
  revokedAt: string | null
}

interface Invitation {
  memberId: string
  code: string
  expiresAt: string
  name: string
}

interface AdminData {
  me: RelayMember
  members: RelayMember[]
  devices: RelayDevice[]
}

const RELAY_ERRORS: Record<string, MessageKey> = {
  'only coordinators invite': 'admin.error.forbidden',
  'you may invite only members of your agency': 'admin.error.forbidden',
  'you may not revoke this device': 'admin.error.forbidden',
  'only a coordinator of the same agency removes a member': 'admin.error.forbidden',
  'displayName is required': 'admin.invite.nameRequired',
}

const describeAdminError = (err: unknown): Problem => {
  if (isUnreachable(err)) return { key: 'admin.error.unreachable' }
  if (err instanceof RevokedError) return { key: 'admin.error.revoked' }
  const key = err instanceof ApiError ? RELAY_ERRORS[err.message] : undefined
  if (key) return { key }
  if (err instanceof ApiError && err.status === 403) return { key: 'admin.error.forbidden' }
  return { key: 'error.generic', params: { message: err instanceof Error ? err.message : '?' } }
}

/** The coordinator's view of the relay: me, the members and the devices I may manage. */
const createAdminData = (sync: SyncClient, online: () => boolean) => {
  const [data, setData] = createSignal<AdminData | null>(null)
  const [problem, setProblem] = createSignal<Problem | null>(null)
  const [loading, setLoading] = createSignal(false)
  const reload = async () => {
    setLoading(true)
    try {
      const [me, members, devices] = await Promise.all([
        sync.tokens.api<{ member: RelayMember }>('/api/me'),
        sync.tokens.api<{ members: RelayMember[] }>('/api/members'),
        sync.tokens.api<{ devices: RelayDevice[] }>('/api/devices'),
      ])
      setData({ me: me.member, members: members.members, devices: devices.devices })
      setProblem(null)
    } catch (err) {
      setProblem(describeAdminError(err))
    } finally {
      setLoading(false)
    }
  }
  createEffect(
    on(online, (isOnline) => {
      if (isOnline) void reload()
    }),
  )
  return { data, problem, loading, reload }
}

/** An inline "are you sure?": the message is announced, focus lands on the safe choice. */
const Confirm = (props: {
  message: string
  extra?: string | undefined
  confirmLabel: string
  busy: boolean
  problem: Problem | null
  onConfirm: () => void
  onCancel: () => void
  testid: string
}) => {
  const { t } = useI18n()
  let cancel: HTMLButtonElement | undefined
  onMount(() => cancel?.focus())
  return (
    <div
      class="sa-confirm"
      data-testid={props.testid}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel()
      }}
    >
      <p role="alert">{props.message}</p>
      <Show when={props.extra}>
        <p>
          <strong>{props.extra}</strong>
        </p>
      </Show>
      <Show when={props.problem}>
        {(p) => (
          <p class="sa-alert" role="alert">
            {t(p().key, p().params)}
          </p>
        )}
      </Show>
      <div class="actions">
        <button
          type="button"
          class="danger"
          disabled={props.busy}
          onClick={() => props.onConfirm()}
          data-testid={`${props.testid}-yes`}
        >
          {props.confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          class="secondary"
          onClick={() => props.onCancel()}
          data-testid={`${props.testid}-cancel`}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  )
}

/** Runs a confirmed action; keeps its own "confirming / busy / failed" state. */
const createConfirmedAction = (action: () => Promise<void>) => {
  const [confirming, setConfirming] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const [problem, setProblem] = createSignal<Problem | null>(null)
  return {
    confirming,
    busy,
    problem,
    ask: () => {
      setProblem(null)
      setConfirming(true)
    },
    cancel: () => setConfirming(false),
    run: async () => {
      setBusy(true)
      setProblem(null)
      try {
        await action()
        setConfirming(false)
      } catch (err) {
        setProblem(describeAdminError(err))
      } finally {
        setBusy(false)
      }
    },
  }
}

const DeviceRow = (props: {
  device: RelayDevice
  ownerName: string
  isThisDevice: boolean
  onRevoke: (d: RelayDevice) => Promise<void>
}) => {
  const { t, formatDate } = useI18n()
  const revoke = createConfirmedAction(() => props.onRevoke(props.device))
  return (
    <li
      class="admin-row"
      data-testid={`device-${props.device.id}`}
      data-status={props.device.revokedAt ? 'revoked' : 'active'}
    >
      <div class="admin-row-head">
        <span class="admin-row-title">{props.ownerName}</span>
        <Show when={props.isThisDevice}>
          <span class="sa-badge sa-badge--me">{t('admin.device.this')}</span>
        </Show>
        <Show
          when={props.device.revokedAt}
          fallback={<span class="sa-badge sa-badge--ok">{t('admin.device.active')}</span>}
        >
          {(at) => (
            <span class="sa-badge sa-badge--off">
              {t('admin.device.revokedOn', { date: formatDate(at()) })}
            </span>
          )}
        </Show>
      </div>
      <p>{props.device.label}</p>
      <p class="sa-muted">
        {t('admin.device.enrolled', { date: formatDate(props.device.createdAt) })}
      </p>
      <Show when={!props.device.revokedAt}>
        <Show
          when={revoke.confirming()}
          fallback={
            <div class="actions">
              <button
                type="button"
                class="danger"
                aria-label={t('admin.device.revokeLabel', {
                  label: props.device.label,
                  name: props.ownerName,
                })}
                onClick={() => revoke.ask()}
                data-testid="device-revoke"
              >
                {t('admin.device.revoke')}
              </button>
            </div>
          }
        >
          <Confirm
            message={t('admin.device.confirm', {
              label: props.device.label,
              name: props.ownerName,
            })}
            extra={props.isThisDevice ? t('admin.device.confirmThis') : undefined}
            confirmLabel={t('admin.device.confirmRevoke')}
            busy={revoke.busy()}
            problem={revoke.problem()}
            onConfirm={() => void revoke.run()}
            onCancel={revoke.cancel}
            testid="device-revoke-confirm"
          />
        </Show>
      </Show>
    </li>
  )
}

const MemberRow = (props: {
  member: RelayMember
  activeDevices: number
  isMe: boolean
  onRemove: (m: RelayMember) => Promise<void>
}) => {
  const { t } = useI18n()
  const remove = createConfirmedAction(() => props.onRemove(props.member))
  return (
    <li class="admin-row" data-testid={`member-${props.member.id}`}>
      <div class="admin-row-head">
        <span class="admin-row-title">{props.member.displayName}</span>
        <Show when={props.isMe}>
          <span class="sa-badge sa-badge--me">{t('workspace.you')}</span>
        </Show>
      </div>
      <p class="sa-muted">
        {t(`role.${props.member.role}`)} ·{' '}
        {t('admin.member.activeDevices', { count: props.activeDevices })}
      </p>
      <Show when={!props.isMe}>
        <Show
          when={remove.confirming()}
          fallback={
            <div class="actions">
              <button
                type="button"
                class="danger"
                aria-label={t('admin.member.removeLabel', { name: props.member.displayName })}
                onClick={() => remove.ask()}
                data-testid="member-remove"
              >
                {t('admin.member.remove')}
              </button>
            </div>
          }
        >
          <Confirm
            message={t('admin.member.confirm', { name: props.member.displayName })}
            confirmLabel={t('admin.member.confirmRemove')}
            busy={remove.busy()}
            problem={remove.problem()}
            onConfirm={() => void remove.run()}
            onCancel={remove.cancel}
            testid="member-remove-confirm"
          />
        </Show>
      </Show>
    </li>
  )
}

const InviteForm = (props: {
  colleagues: RelayMember[]
  myId: string
  onInvite: (body: Record<string, string>, name: string) => Promise<void>
}) => {
  const { t } = useI18n()
  const [kind, setKind] = createSignal<'new' | 'existing'>('new')
  const [name, setName] = createSignal('')
  const [role, setRole] = createSignal<Role>('field-worker')
  const [memberId, setMemberId] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [problem, setProblem] = createSignal<Problem | null>(null)
  let nameInput: HTMLInputElement | undefined

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    setProblem(null)
    let body: Record<string, string>
    let who: string
    if (kind() === 'new') {
      who = name().trim()
      if (!who) {
        setProblem({ key: 'admin.invite.nameRequired' })
        nameInput?.focus()
        return
      }
      body = { displayName: who, role: role() }
    } else {
      const member = props.colleagues.find((m) => m.id === memberId())
      if (!member) {
        setProblem({ key: 'admin.invite.memberRequired' })
        return
      }
      who = member.displayName
      body = { memberId: member.id }
    }
    setBusy(true)
    try {
      await props.onInvite(body, who)
      setName('')
    } catch (err) {
      setProblem(describeAdminError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} novalidate data-testid="invite-form">
      <fieldset class="admin-invite-kind">
        <legend>{t('admin.invite.kind')}</legend>
        <label>
          <input
            type="radio"
            name="invite-kind"
            value="new"
            checked={kind() === 'new'}
            onChange={() => setKind('new')}
            data-testid="invite-kind-new"
          />
          <span>{t('admin.invite.kind.new')}</span>
        </label>
        <label>
          <input
            type="radio"
            name="invite-kind"
            value="existing"
            checked={kind() === 'existing'}
            onChange={() => setKind('existing')}
            data-testid="invite-kind-existing"
          />
          <span>{t('admin.invite.kind.existing')}</span>
        </label>
      </fieldset>
      <Show
        when={kind() === 'new'}
        fallback={
          <label class="field">
            <span>{t('admin.invite.member')}</span>
            <select
              value={memberId()}
              onChange={(e) => setMemberId(e.currentTarget.value)}
              data-testid="invite-member"
            >
              <option value="">—</option>
              <For each={props.colleagues}>
                {(m) => (
                  <option value={m.id}>
                    {m.id === props.myId
                      ? `${m.displayName} (${t('workspace.you')})`
                      : m.displayName}
                  </option>
                )}
              </For>
            </select>
          </label>
        }
      >
        <label class="field">
          <span>{t('admin.invite.name')}</span>
          <input
            ref={nameInput}
            type="text"
            maxLength={200}
            autocomplete="off"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={problem()?.key === 'admin.invite.nameRequired' ? 'true' : undefined}
            aria-describedby={problem() ? 'invite-error' : undefined}
            data-testid="invite-name"
          />
        </label>
        <label class="field">
          <span>{t('admin.invite.role')}</span>
          <select
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data-testid="invite-role"
          >
            <For each={ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={problem()}>
        {(p) => (
          <p id="invite-error" class="sa-alert" role="alert" data-testid="invite-error">
            {t(p().key, p().params)}
          </p>
        )}
      </Show>
      <button type="submit" class="primary" disabled={busy()} data-testid="invite-submit">
        {busy() ? t('admin.invite.creating') : t('admin.invite.submit')}
      </button>
    </form>
  )
}

const InvitationCard = (props: { invitation: Invitation; onDone: () => void }) => {
  const { t, formatDateTime } = useI18n()
  const [copied, setCopied] = createSignal<'copied' | 'failed' | null>(null)
  const link = () => `${location.origin}/join/${props.invitation.code}`
  let heading: HTMLHeadingElement | undefined
  let linkInput: HTMLInputElement | undefined
  onMount(() => heading?.focus())

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link())
      setCopied('copied')
    } catch {
      linkInput?.select()
      setCopied('failed')
    }
  }

  return (
    <section
      class="sa-panel"
      aria-labelledby="invitation-title"
      data-testid="invitation"
      data-code={props.invitation.code}
    >
      <h2 id="invitation-title" ref={heading} tabindex="-1">
        {t('admin.invitation.heading', { name: props.invitation.name })}
      </h2>
      <p class="sa-muted">{t('admin.invitation.code')}</p>
      <p class="admin-code" data-testid="invitation-code">
        {groupCode(props.invitation.code)}
      </p>
      <label class="field">
        <span>{t('admin.invitation.link')}</span>
        <input
          ref={linkInput}
          type="url"
          readOnly
          value={link()}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="invitation-link"
        />
      </label>
      <p data-testid="invitation-expires">
        {t('admin.invitation.expires', { date: formatDateTime(props.invitation.expiresAt) })}
      </p>
      <p class="sa-notice" role="status" data-testid="invitation-copy-status">
        {copied() === 'copied'
          ? t('admin.invitation.copied')
          : copied() === 'failed'
            ? t('admin.invitation.copyFailed')
            : ''}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => void copy()}
          data-testid="invitation-copy"
        >
          {t('admin.invitation.copy')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => props.onDone()}
          data-testid="invitation-done"
        >
          {t('admin.invitation.done')}
        </button>
      </div>
    </section>
  )
}

const Panel = (props: { id: string; title: string; help?: string; children: JSX.Element }) => (
  <section class="sa-panel" aria-labelledby={props.id}>
    <h2 id={props.id} tabindex="-1">
      {props.title}
    </h2>
    <Show when={props.help}>
      <p class="sa-muted">{props.help}</p>
    </Show>
    {props.children}
  </section>
)

/** `/admin`: invitations, devices and members for coordinators; own devices for everyone. */
export default function Admin() {
  const { t } = useI18n()
  const sync = useSync()
  const online = createOnline()
  const admin = createAdminData(sync, online)
  const [invitation, setInvitation] = createSignal<Invitation | null>(null)
  const [notice, setNotice] = createSignal<Problem | null>(null)

  const isCoordinator = () => admin.data()?.me.role === 'coordinator'
  const memberById = createMemo(() => new Map(admin.data()?.members.map((m) => [m.id, m]) ?? []))
  const ownerName = (id: string) => {
    const m = memberById().get(id)
    if (!m) return t('admin.member.unknown')
    return m.removed ? t('admin.member.formerly', { name: m.displayName }) : m.displayName
  }
  const colleagues = createMemo(() => {
    const d = admin.data()
    return d ? d.members.filter((m) => m.agencyId === d.me.agencyId && !m.removed) : []
  })
  const devices = createMemo(() =>
    [...(admin.data()?.devices ?? [])].sort(
      (a, b) =>
        Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
        ownerName(a.memberId).localeCompare(ownerName(b.memberId)) ||
        b.createdAt.localeCompare(a.createdAt),
    ),
  )
  const activeDevices = (memberId: string) =>
    admin.data()?.devices.filter((d) => d.memberId === memberId && !d.revokedAt).length ?? 0

  const noticeText = () => {
    const n = notice()
    return n ? t(n.key, n.params) : ''
  }
  const focusHeading = (id: string) => document.getElementById(id)?.focus()

  const invite = async (body: Record<string, string>, name: string) => {
    const r = await sync.tokens.api<{ memberId: string; code: string; expiresAt: string }>(
      '/api/invitations',
      body,
    )
    setNotice(null)
    setInvitation({ ...r, name })
    void admin.reload()
  }
  const revoke = async (device: RelayDevice) => {
    await sync.tokens.api('/api/devices/revoke', { deviceId: device.id })
    setNotice({ key: 'admin.device.revoked', params: { label: device.label } })
    await admin.reload()
    focusHeading('admin-devices-title')
  }
  const remove = async (member: RelayMember) => {
    await sync.tokens.api('/api/members/remove', { memberId: member.id })
    setNotice({ key: 'admin.member.removed', params: { name: member.displayName } })
    await admin.reload()
    focusHeading('admin-members-title')
  }

  return (
    <section class="sa-screen" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <p class="sa-notice" role="status" data-testid="admin-notice">
        {noticeText()}
      </p>
      <Show
        when={online()}
        fallback={
          <p class="sa-note" data-testid="admin-offline">
            {t('admin.offline')}
          </p>
        }
      >
        <RetryAlert
          problem={admin.problem()}
          testId="admin-error"
          retry={t('admin.retry')}
          retryTestId="admin-retry"
          onRetry={() => void admin.reload()}
          disabled={admin.loading()}
        />
        <Show when={!admin.data() && !admin.problem()}>
          <p class="sa-muted" role="status">
            {t('common.loading')}
          </p>
        </Show>
        <Show when={admin.data()}>
          {(data) => (
            <>
              <Show when={isCoordinator()}>
                <Show
                  when={invitation()}
                  fallback={
                    <Panel
                      id="admin-invite-title"
                      title={t('admin.invite.heading')}
                      help={t('admin.invite.help')}
                    >
                      <InviteForm colleagues={colleagues()} myId={data().me.id} onInvite={invite} />
                    </Panel>
                  }
                >
                  {(inv) => (
                    <InvitationCard invitation={inv()} onDone={() => setInvitation(null)} />
                  )}
                </Show>
              </Show>
              <Panel
                id="admin-devices-title"
                title={
                  isCoordinator() ? t('admin.devices.headingAgency') : t('admin.devices.headingOwn')
                }
                help={t('admin.devices.help')}
              >
                <Show
                  when={devices().length > 0}
                  fallback={<p class="sa-muted">{t('admin.devices.empty')}</p>}
                >
                  <ul class="sa-list" data-testid="device-list">
                    <For each={devices()}>
                      {(d) => (
                        <DeviceRow
                          device={d}
                          ownerName={ownerName(d.memberId)}
                          isThisDevice={d.id === sync.session.deviceId}
                          onRevoke={revoke}
                        />
                      )}
                    </For>
                  </ul>
                </Show>
              </Panel>
              <Show when={isCoordinator()}>
                <Panel
                  id="admin-members-title"
                  title={t('admin.members.heading')}
                  help={t('admin.members.help')}
                >
                  <ul class="sa-list" data-testid="member-list">
                    <For each={colleagues()}>
                      {(m) => (
                        <MemberRow
                          member={m}
                          activeDevices={activeDevices(m.id)}
                          isMe={m.id === data().me.id}
                          onRemove={remove}
                        />
                      )}
                    </For>
                  </ul>
                  <Show when={colleagues().length <= 1}>
                    <p class="sa-muted">{t('admin.members.empty')}</p>
                  </Show>
                </Panel>
              </Show>
              <Show when={isCoordinator()}>
                <RetentionPanel />
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  )
}
