import { createMemo, For, Show } from 'solid-js'
import { positionText } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { readOrNull } from '../state/create-open-document.ts'
import type { MediationPanelProps } from './mediation-common.tsx'
import { useMediationFormat } from './mediation-common.tsx'
import { TextFieldEditor } from './text-field.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { mediation } from '../i18n/messages/mediation.ts'

registerMessages(mediation)

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Each party's position in its own words (MD3): everyone who opens the log reads it; only the
 * members of that party's agency write it, and never the mediator.
 */
export const MediationPositions = (props: MediationPanelProps) => {
  const { t } = useI18n()
  const format = useMediationFormat()
  // Keyed by party id, so an editor (and its caret) survives every other change to the log.
  const partyIds = createMemo(() => props.mediation().parties.map((p) => p.id), [], {
    equals: sameList,
  })
  const agencyOf = (partyId: string) =>
    props.mediation().parties.find((p) => p.id === partyId)?.agencyId ?? ''
  return (
    <section class="md-panel" aria-labelledby="md-positions-heading">
      <h2 id="md-positions-heading">{t('mediation.positions.heading')}</h2>
      <For each={partyIds()}>
        {(partyId) => {
          const field = readOrNull(() => positionText(props.conn.doc, partyId, props.me))
          const mine = () =>
            !props.readOnly && !props.mediator && agencyOf(partyId) === props.me.agencyId
          return (
            <Show when={field}>
              {(tf) => (
                <div data-testid="mediation-position" data-agency={agencyOf(partyId)}>
                  <TextFieldEditor
                    id={`mediation-position-${partyId}`}
                    field={tf()}
                    label={t('mediation.positions.of', {
                      agency: format.agency(agencyOf(partyId)),
                    })}
                    hint={mine() ? t('mediation.positions.hintMine') : undefined}
                    readOnly={!mine()}
                    testId={`mediation-position-${agencyOf(partyId)}`}
                  />
                </div>
              )}
            </Show>
          )
        }}
      </For>
    </section>
  )
}
