import { createSignal, createUniqueId } from 'solid-js'
import { toFhir } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { Check, createAction, ErrorAlert } from './referral-panels-shared.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

/** A file name from the pseudonymous code (RF8 allows '/', which no file name may hold). */
export const exportFileName = (personCode: string): string =>
  `referral-${personCode.replace(/[^A-Za-z0-9._-]/g, '-')}.fhir.json`

/**
 * Downloads the referral as a FHIR R4 collection Bundle (RF25–RF27). The person appears only as
 * the code; free text goes along unless the worker leaves it out.
 */
export const ReferralExport = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const id = createUniqueId()
  const action = createAction({ 'field-disputed': 'panels.export.disputed' })
  const [includeText, setIncludeText] = createSignal(true)
  const [done, setDone] = createSignal<string | null>(null)
  const download = () => {
    setDone(null)
    const referral = props.referral()
    action.run(() => {
      const bundle = toFhir(referral, { includeText: includeText() })
      const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' })
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = exportFileName(referral.person.code)
      link.hidden = true
      document.body.append(link)
      link.click()
      link.remove()
      // The download has started from the URL by now; keep it a moment for slow browsers.
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      setDone(link.download)
    })
  }
  return (
    <section class="rp-panel rp-export" aria-labelledby={`${id}-h`} data-testid="referral-export">
      <h2 id={`${id}-h`}>{t('panels.export.heading')}</h2>
      <p class="rp-muted">{t('panels.export.hint')}</p>
      <Check
        label={t('panels.export.includeText')}
        checked={includeText()}
        onChange={setIncludeText}
        describedBy={`${id}-text-hint`}
        testId="export-include-text"
      />
      <p id={`${id}-text-hint`} class="field-hint">
        {t('panels.export.includeTextHint')}
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={download} data-testid="export-fhir">
          {t('panels.export.button')}
        </button>
      </div>
      <ErrorAlert problem={action.problem()} testId="export-error" />
      <p class="rp-status" role="status" data-testid="export-status">
        {done() ? t('panels.export.done', { file: done() ?? '' }) : ''}
      </p>
    </section>
  )
}
