import { createSignal, For, Show } from 'solid-js'
import {
  type Agency,
  RESPONSE_UNITS,
  type ResponseTime,
  type ResponseUnit,
  type RoleActor,
  removeResponseTime,
  setResponseTime,
  URGENCIES,
  type Urgency,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSync } from '../state/session.tsx'
import { type MessageKey, registerMessages } from '../i18n/catalog.ts'
import { errorKey } from './directory-form-parts.tsx'
import { directory } from '../i18n/messages/directory.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(directory, referralPanels)

// DR3: the partnership's agreed response times; any coordinator records one.

export const ResponseTimes = (props: {
  times: ResponseTime[]
  agencies: Agency[]
  actor: RoleActor | undefined
}) => {
  const { t } = useI18n()
  const sync = useSync()
  const coordinator = () => props.actor?.role === 'coordinator'
  const agencyName = (id: string) => props.agencies.find((a) => a.id === id)?.name ?? id
  const within = (r: ResponseTime) =>
    t(r.unit === 'hours' ? 'directory.rt.hours' : 'directory.rt.workingDays', { count: r.within })
  const [agency, setAgency] = createSignal('')
  const [urgency, setUrgency] = createSignal<Urgency>('routine')
  const [amount, setAmount] = createSignal('5')
  const [unit, setUnit] = createSignal<ResponseUnit>('working-days')
  const [error, setError] = createSignal<MessageKey | null>(null)
  /** A refusal of the model (another device removed the agency, say) is said, not thrown. */
  const write = (change: () => void) => {
    try {
      change()
      setError(null)
    } catch (err) {
      setError(errorKey(err))
    }
  }

  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const actor = props.actor
    const agencyId = agency() || props.agencies[0]?.id
    if (!actor || !agencyId) return
    write(() =>
      setResponseTime(sync.workspace.doc, actor, {
        agencyId,
        urgency: urgency(),
        within: Number(amount()),
        unit: unit(),
      }),
    )
  }

  return (
    <section class="sa-panel" aria-labelledby="dir-rt-title" id="dir-response-times">
      <h2 id="dir-rt-title">{t('directory.rt.title')}</h2>
      <p class="dir-muted">{t('directory.rt.intro')}</p>
      <Show when={props.times.length > 0} fallback={<p>{t('directory.rt.none')}</p>}>
        <div class="dir-table-wrap">
          <table class="dir-table" data-testid="directory-response-times">
            <thead>
              <tr>
                <th scope="col">{t('directory.rt.agency')}</th>
                <th scope="col">{t('directory.rt.urgency')}</th>
                <th scope="col">{t('directory.rt.within')}</th>
                <Show when={coordinator()}>
                  <td />
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={props.times}>
                {(r) => (
                  <tr>
                    <td>{agencyName(r.agencyId)}</td>
                    <td>{t(`panels.urgency.${r.urgency}`)}</td>
                    <td>{within(r)}</td>
                    <Show when={coordinator() && props.actor}>
                      {(actor) => (
                        <td>
                          <button
                            type="button"
                            class="secondary"
                            onClick={() =>
                              write(() =>
                                removeResponseTime(
                                  sync.workspace.doc,
                                  actor(),
                                  r.agencyId,
                                  r.urgency,
                                ),
                              )
                            }
                          >
                            {t('directory.rt.remove')}
                          </button>
                        </td>
                      )}
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={coordinator()}>
        <form class="dir-form dir-rt-form" onSubmit={submit}>
          <div class="field">
            <label for="dir-rt-agency">{t('directory.rt.agency')}</label>
            <select id="dir-rt-agency" onChange={(e) => setAgency(e.currentTarget.value)}>
              <For each={props.agencies}>{(a) => <option value={a.id}>{a.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="dir-rt-urgency">{t('directory.rt.urgency')}</label>
            <select
              id="dir-rt-urgency"
              onChange={(e) => setUrgency(e.currentTarget.value as Urgency)}
            >
              <For each={URGENCIES}>
                {(u) => <option value={u}>{t(`panels.urgency.${u}`)}</option>}
              </For>
            </select>
          </div>
          <div class="field">
            <label for="dir-rt-within">{t('directory.rt.within')}</label>
            <input
              id="dir-rt-within"
              type="number"
              min="1"
              step="1"
              required
              value={amount()}
              onInput={(e) => setAmount(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="dir-rt-unit">{t('directory.rt.unit')}</label>
            <select
              id="dir-rt-unit"
              onChange={(e) => setUnit(e.currentTarget.value as ResponseUnit)}
            >
              <For each={RESPONSE_UNITS}>
                {(u) => (
                  <option value={u} selected={u === unit()}>
                    {t(`directory.rt.unit.${u}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <Show when={error()}>
            {(key) => (
              <p class="sa-alert" role="alert" data-testid="directory-rt-error">
                {t(key())}
              </p>
            )}
          </Show>
          <div class="actions">
            <button type="submit" class="primary">
              {t('directory.rt.set')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  )
}
