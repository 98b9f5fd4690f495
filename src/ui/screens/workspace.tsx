import { createMemo, For, Show } from 'solid-js'
import type { Agency, Member } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-a.css'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'
import { workspace } from '../i18n/messages/workspace.ts'

registerMessages(common, workspace)

interface Group {
  /** Undefined for members whose agency is missing from the directory. */
  agency: Agency | undefined
  members: Member[]
}

const PersonRow = (props: { member: Member; isMe: boolean }) => {
  const { t } = useI18n()
  return (
    <li
      class="ws-person"
      data-testid={`workspace-member-${props.member.id}`}
      data-me={props.isMe ? 'true' : undefined}
    >
      <span class="ws-person-name">{props.member.displayName}</span>
      <Show when={props.isMe}>
        <span class="sa-badge sa-badge--me">{t('workspace.you')}</span>
      </Show>
      <span class="sa-muted ws-person-role">{t(`role.${props.member.role}`)}</span>
    </li>
  )
}

const AgencyCard = (props: { group: Group; myId: string; mine: boolean }) => {
  const { t } = useI18n()
  const headingId = () => `ws-agency-${props.group.agency?.id ?? 'unknown'}`
  return (
    <li
      class="sa-panel"
      classList={{ 'ws-agency--mine': props.mine }}
      data-testid={`workspace-agency-${props.group.agency?.id ?? 'unknown'}`}
    >
      <h2 id={headingId()}>{props.group.agency?.name ?? t('workspace.unknownAgency')}</h2>
      <p class="sa-muted">
        {[
          props.group.agency ? t(`agencyType.${props.group.agency.type}`) : null,
          t('workspace.peopleCount', { count: props.group.members.length }),
        ]
          .filter(Boolean)
          .join(' · ')}
        <Show when={props.mine}>
          {' '}
          <span class="sa-badge sa-badge--me">{t('workspace.yourAgency')}</span>
        </Show>
      </p>
      <Show
        when={props.group.members.length > 0}
        fallback={<p class="sa-muted">{t('workspace.noPeople')}</p>}
      >
        <ul class="sa-list" aria-labelledby={headingId()}>
          <For each={props.group.members}>
            {(m) => <PersonRow member={m} isMe={m.id === props.myId} />}
          </For>
        </ul>
      </Show>
    </li>
  )
}

/** The partnership's agencies and people, from the workspace document (works offline). */
export default function WorkspaceScreen() {
  const { t } = useI18n()
  const ws = useWorkspace()
  const myId = useSync().session.memberId

  const groups = createMemo((): Group[] => {
    const members = ws.members()
    const agencies = ws.agencies()
    const known = new Set(agencies.map((a) => a.id))
    const myAgency = members.find((m) => m.id === myId)?.agencyId
    const list: Group[] = agencies.map((agency) => ({
      agency,
      members: members.filter((m) => m.agencyId === agency.id),
    }))
    // My own agency first: it is the one a person looks for most.
    list.sort((a, b) => Number(b.agency?.id === myAgency) - Number(a.agency?.id === myAgency))
    const orphans = members.filter((m) => !known.has(m.agencyId))
    if (orphans.length > 0) list.push({ agency: undefined, members: orphans })
    return list
  })
  const myAgencyId = () => ws.me()?.agencyId

  return (
    <section class="sa-screen" aria-labelledby="workspace-title">
      <h1 id="workspace-title">{t('workspace.title')}</h1>
      <p>{t('workspace.intro')}</p>
      <Show
        when={ws.agencies().length > 0 || ws.members().length > 0}
        fallback={
          <p class="sa-note" data-testid="workspace-empty">
            {t('workspace.empty')}
          </p>
        }
      >
        <p class="sa-muted" data-testid="workspace-summary">
          {t('workspace.agencyCount', { count: ws.agencies().length })} ·{' '}
          {t('workspace.peopleCount', { count: ws.members().length })}
        </p>
        <ul class="sa-list" data-testid="workspace-agencies">
          <For each={groups()}>
            {(group) => (
              <AgencyCard
                group={group}
                myId={myId}
                mine={group.agency !== undefined && group.agency.id === myAgencyId()}
              />
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
