import { createSignal, For, Show } from 'solid-js'
import { exportHsds, type ImportResult, importHsds, type RoleActor } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useSync } from '../state/session.tsx'
import { directory } from '../i18n/messages/directory.ts'

registerMessages(directory)

// HSDS 3.0 files: everyone may download the directory; a coordinator imports a file, and
// sees either what was imported or every problem of the file (and then nothing changed).

export const DirectoryFile = (props: { actor: RoleActor | undefined }) => {
  const { t } = useI18n()
  const sync = useSync()
  const [result, setResult] = createSignal<ImportResult | null>(null)

  const download = () => {
    const url = URL.createObjectURL(
      new Blob([exportHsds(sync.workspace.doc)], { type: 'application/json;charset=utf-8' }),
    )
    const link = document.createElement('a')
    link.href = url
    link.download = 'directory-hsds.json'
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    const actor = props.actor
    if (!file || !actor) return
    setResult(importHsds(sync.workspace.doc, actor, await file.text()))
    input.value = ''
  }

  return (
    <section class="sa-panel" aria-labelledby="dir-file-title">
      <h2 id="dir-file-title">{t('directory.file.title')}</h2>
      <p>
        <button type="button" class="secondary" data-testid="directory-export" onClick={download}>
          {t('directory.file.export')}
        </button>
      </p>
      <Show when={props.actor?.role === 'coordinator'}>
        <div class="field">
          <label for="dir-import">{t('directory.file.import')}</label>
          <input
            id="dir-import"
            type="file"
            accept="application/json,.json"
            aria-describedby="dir-import-help"
            data-testid="directory-import"
            onChange={(e) => void pick(e.currentTarget)}
          />
          <p id="dir-import-help" class="hint">
            {t('directory.file.importHelp')}
          </p>
        </div>
      </Show>
      <div role="status" aria-live="polite">
        <Show when={result()} keyed>
          {(r) =>
            r.ok ? (
              <div class="sa-notice" data-testid="directory-import-ok">
                <p>{t('directory.file.ok', r.counts)}</p>
                <Show when={r.dropped.length > 0}>
                  <p class="dir-muted">
                    {t('directory.file.dropped', { fields: r.dropped.join(', ') })}
                  </p>
                </Show>
              </div>
            ) : (
              <div class="sa-alert" data-testid="directory-import-report">
                <p>{t('directory.file.failed')}</p>
                <ul>
                  <For each={r.problems}>
                    {(p) => (
                      <li>
                        <code>{p.path}</code>{' '}
                        {t(`directory.problem.${p.code}` as MessageKey, {
                          expected: p.expected ?? '',
                        })}
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            )
          }
        </Show>
      </div>
    </section>
  )
}
