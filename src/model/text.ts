import * as Y from 'yjs'
import { ModelError } from './errors.ts'

// Binding an <input> or <textarea> to Y.Text: the element only reports its new whole value,
// and replacing the whole text would delete what others typed concurrently. Turning the
// change into the smallest single splice keeps every character nobody touched.

/**
 * Applies newValue to ytext as one delete and one insert around the common prefix/suffix.
 * `caret` (where the editor's caret is after the edit) settles ties: typing "a" next to an "a"
 * could be an insertion on either side of it, and the wrong side would put my letter inside
 * someone else's word.
 */
export function applyTextChange(ytext: Y.Text, newValue: string, caret?: number): void {
  const doc = ytext.doc
  if (doc === null) throw new ModelError('detached-text', 'the text is not part of a document')
  const oldValue = ytext.toString()
  if (oldValue === newValue) return
  const { start, deleteCount, insert } =
    (caret === undefined ? null : spliceAtCaret(oldValue, newValue, caret)) ??
    splice(oldValue, newValue)
  doc.transact(() => {
    if (deleteCount > 0) ytext.delete(start, deleteCount)
    if (insert !== '') ytext.insert(start, insert)
  })
}

function splice(oldValue: string, newValue: string) {
  const limit = Math.min(oldValue.length, newValue.length)
  let prefix = 0
  while (prefix < limit && oldValue[prefix] === newValue[prefix]) prefix++
  // Never cut an emoji or other astral character in half: Yjs would store U+FFFD.
  if (prefix > 0 && isHighSurrogate(oldValue.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (
    suffix < limit - prefix &&
    oldValue[oldValue.length - 1 - suffix] === newValue[newValue.length - 1 - suffix]
  ) {
    suffix++
  }
  if (suffix > 0 && isLowSurrogate(oldValue.charCodeAt(oldValue.length - suffix))) suffix--
  return {
    start: prefix,
    deleteCount: oldValue.length - prefix - suffix,
    insert: newValue.slice(prefix, newValue.length - suffix),
  }
}

/** The splice whose insertion ends at the caret, if the two values allow one. */
function spliceAtCaret(oldValue: string, newValue: string, caret: number) {
  const grown = newValue.length - oldValue.length
  const start = caret - Math.max(grown, 0)
  if (start < 0 || caret > newValue.length) return null
  const deleteCount = Math.max(-grown, 0)
  if (
    oldValue.slice(0, start) !== newValue.slice(0, start) ||
    oldValue.slice(start + deleteCount) !== newValue.slice(caret)
  ) {
    return null
  }
  if (isLowSurrogate(newValue.charCodeAt(start)) || isLowSurrogate(oldValue.charCodeAt(start))) {
    return null
  }
  return { start, deleteCount, insert: newValue.slice(start, caret) }
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** A caret that stays next to the character it was at while others edit the text. */
export interface CaretHandle {
  readonly position: Y.RelativePosition
}

/**
 * The caret sticks to the character on its left (assoc -1): when someone else types at the very
 * spot, their text lands after the caret's character and my next keystroke still follows my own
 * text, so two people typing at the end of one field do not interleave letter by letter.
 */
export function captureCaret(ytext: Y.Text, index: number): CaretHandle {
  return { position: Y.createRelativePositionFromTypeIndex(ytext, index, -1) }
}

/** The caret's index in the text as it is now; null if the text itself no longer exists. */
export function restoreCaret(doc: Y.Doc, handle: CaretHandle): number | null {
  return Y.createAbsolutePositionFromRelativePosition(handle.position, doc)?.index ?? null
}
