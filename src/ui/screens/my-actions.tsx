import { A } from '@solidjs/router'
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import { listSummaries } from '../../model/index.ts'
import { myActionsFromSummaries } from '../../model/plan-summary.ts'
import { observeSummaries } from '../../model/referral-summary.ts'
import { FilterChips } from '../components/filter-chips.tsx'
import { createNow, useReferralFormat } from '../components/referral-common.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import '../components/plan.css'
import './screens-b.css'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

type Whose = 'mine' | 'agency'
type Sort = 'date' | 'who'

/**
 * `/actions`: the plan actions I or my agency are responsible for, across every plan, from the
 * workspace's plan summaries (FP28) alone: works offline and without opening any plan. The
 * summaries hold no words of the plan, so each row links to the plan for what is to be done.
 */
export default function MyActionsScreen() {
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const format = useReferralFormat()
  const now = createNow()
  const doc = sync.workspace.doc
  const [version, setVersion] = createSignal(0)
  onCleanup(observeSummaries(doc, () => setVersion((v) => v + 1)))
  void sync.workspace.ready.then(() => setVersion((v) => v + 1))
  const summaries = createMemo(() => (version(), listSummaries(doc)))
  const [whose, setWhose] = createSignal<Whose>('mine')
  const [sort, setSort] = createSignal<Sort>('date')
  const rows = createMemo(() => {
    const me = ws.me()
    if (!me) return []
    const owner = whose() === 'mine' ? { memberId: me.id } : { agencyId: me.agencyId }
    return myActionsFromSummaries(ws.entries(), summaries(), owner, { now: now(), sort: sort() })
  })
  const who = (label: string) =>
    label
      .split(' | ')
      .map((part) => {
        const [kind, member] = part.split('/')
        if (kind === 'family') return t('plan.side.family')
        const agency = format.agency(kind ?? '')
        return member ? `${format.member(member)} (${agency})` : agency
      })
      .join(', ')

  return (
    <section class="screen document-screen my-actions-screen" aria-labelledby="my-actions-title">
      <h1 id="my-actions-title">{t('plan.my.title')}</h1>
      <p class="field-hint">{t('plan.my.hint')}</p>
      <FilterChips
        legend={t('plan.my.whose')}
        name="my-actions-whose"
        options={['mine', 'agency'] as const}
        selected={whose()}
        onSelect={setWhose}
        testId={(o) => `my-actions-${o}`}
      >
        {(o) => (o === 'mine' ? t('plan.my.mine') : t('plan.my.agency'))}
      </FilterChips>
      <FilterChips
        legend={t('plan.sort.label')}
        name="my-actions-sort"
        options={['date', 'who'] as const}
        selected={sort()}
        onSelect={setSort}
        testId={(o) => `my-actions-sort-${o}`}
      >
        {(o) => (o === 'date' ? t('plan.sort.date') : t('plan.sort.who'))}
      </FilterChips>
      <Show
        when={rows().length > 0}
        fallback={
          <p class="empty-state" data-testid="my-actions-empty">
            {t('plan.my.none')}
          </p>
        }
      >
        <table class="plan-actions-table" data-testid="my-actions">
          <caption class="visually-hidden">{t('plan.my.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.my.plan')}</th>
              <th scope="col">{t('plan.action.deadline')}</th>
              <th scope="col">{t('plan.action.who')}</th>
              <th scope="col">{t('plan.action.status')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr data-testid="my-action" data-id={r.action.id} data-overdue={r.overdue}>
                  <td data-label={t('plan.my.plan')}>
                    <A href={`/documents/${r.planId}#action-${r.action.id}`}>{r.entry.title}</A>
                  </td>
                  <td data-label={t('plan.action.deadline')}>
                    {r.deadline ? format.day(r.deadline) : t('plan.action.noDeadline')}
                    <Show when={r.overdue}>
                      {' '}
                      <strong class="badge badge-overdue">{t('plan.action.overdue')}</strong>
                    </Show>
                  </td>
                  <td data-label={t('plan.action.who')}>
                    {who(r.who)}
                    <Show when={r.disputed}>
                      {' '}
                      <strong class="badge badge-overdue">{t('plan.dispute.badge')}</strong>
                    </Show>
                  </td>
                  <td data-label={t('plan.action.status')}>
                    {r.action.status.state === 'settled'
                      ? t(`plan.actionStatus.${r.action.status.value.status}`)
                      : r.action.status.state === 'disputed'
                        ? t('plan.dispute.badge')
                        : t('plan.value.none')}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  )
}
