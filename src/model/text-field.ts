import * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { applyTextChange, captureCaret, type CaretHandle, restoreCaret } from './text.ts'

/**
 * A collaborative text field as the UI sees it: a string it can read, replace and watch, and a
 * caret that survives remote edits. Fields live as Y.Text values of the top-level map 'text',
 * created by a document's genesis so that no two devices ever create the same field twice.
 */
export interface TextField {
  read(): string
  /**
   * Replaces the value by the smallest splice, leaving others' concurrent typing intact; pass
   * the caret's position after the edit so a letter typed beside an identical one lands on the
   * side the person typed it.
   */
  write(value: string, caret?: number): void
  /** Calls back after every change; `remote` is true when it came from another device. */
  observe(onChange: (remote: boolean) => void): () => void
  captureCaret(index: number): CaretHandle
  restoreCaret(handle: CaretHandle): number | null
}

export const TEXT_MAP = 'text'

/** Creates the listed text fields; only for use inside a genesis builder. */
export const createTextFields = (genesis: Y.Doc, fields: readonly string[]): void => {
  const map = genesis.getMap<Y.Text>(TEXT_MAP)
  for (const f of fields) map.set(f, new Y.Text())
}

export const textField = (doc: Y.Doc, field: string, localOrigin?: unknown): TextField => {
  const ytext = doc.getMap<unknown>(TEXT_MAP).get(field)
  if (!(ytext instanceof Y.Text)) {
    throw new ModelError('invalid-field', `document has no text field ${field}`)
  }
  return {
    read: () => ytext.toString(),
    write: (value, caret) =>
      doc.transact(() => applyTextChange(ytext, value, caret), localOrigin ?? null),
    observe: (onChange) => {
      const handler = (event: Y.YTextEvent) => onChange(!event.transaction.local)
      ytext.observe(handler)
      return () => ytext.unobserve(handler)
    },
    captureCaret: (index) => captureCaret(ytext, index),
    restoreCaret: (handle) => restoreCaret(doc, handle),
  }
}
