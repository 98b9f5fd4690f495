import { createUniqueId, type JSX, onCleanup, onMount, Show } from 'solid-js'
import type { CaretHandle } from '../../model/index.ts'
import type { TextField } from '../../model/text-field.ts'

export interface TextFieldEditorProps {
  /** The collaborative text; read once when the editor mounts. */
  field: TextField
  label: string
  hint?: string
  id?: string
  /** A one-line <input> instead of a growing <textarea>. */
  input?: boolean
  readOnly?: boolean
  testId?: string
  /** Shown with the label, e.g. who else is editing the field. */
  aside?: JSX.Element
  /** Focus entered (true) or left (false) the control: for presence. */
  onFocusChange?: (focused: boolean) => void
}

interface Caret {
  start: CaretHandle
  end: CaretHandle
  direction: 'forward' | 'backward' | 'none'
}

interface Splice {
  start: number
  end: number
  insert: string
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** The single replacement of [start, end) of `from` by `insert` that yields `to`. */
const spliceOf = (from: string, to: string): Splice => {
  const limit = Math.min(from.length, to.length)
  let prefix = 0
  while (prefix < limit && from[prefix] === to[prefix]) prefix++
  if (prefix > 0 && isHigh(from.charCodeAt(prefix - 1))) prefix--
  let suffix = 0
  while (suffix < limit - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix])
    suffix++
  if (suffix > 0 && isLow(from.charCodeAt(from.length - suffix))) suffix--
  return { start: prefix, end: from.length - suffix, insert: to.slice(prefix, to.length - suffix) }
}

/**
 * Text composed with an input method while others' changes arrived: both changed `base`. Puts
 * the local splice into the remote text; where the two overlap, the locally typed text goes
 * after the remote change, so no typed character is lost.
 */
const mergeComposition = (base: string, local: string, remote: string) => {
  const l = spliceOf(base, local)
  const r = spliceOf(base, remote)
  let at: number
  let removed: number
  if (l.end <= r.start) {
    at = l.start
    removed = l.end - l.start
  } else if (r.end <= l.start) {
    at = l.start + r.insert.length - (r.end - r.start)
    removed = l.end - l.start
  } else {
    at = r.start + r.insert.length
    removed = 0
  }
  return {
    value: remote.slice(0, at) + l.insert + remote.slice(at + removed),
    caret: at + l.insert.length,
  }
}

const fieldSizing = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')

/**
 * A <textarea> (or <input>) bound to a collaborative text field. Local typing becomes the
 * smallest splice; remote changes replace the value while the caret stays next to its
 * characters (kept as relative positions); nothing is written mid-composition (IME, dictation,
 * predictive keyboards), and remote changes that arrive meanwhile are merged afterwards.
 */
export const TextFieldEditor = (props: TextFieldEditorProps) => {
  const field = props.field
  const id = props.id ?? createUniqueId()
  let el!: HTMLTextAreaElement | HTMLInputElement
  /** The text the control and the model last agreed on. */
  let base = ''
  let composing = false
  let remoteWhileComposing = false
  let caret: Caret | null = null

  const resize = () => {
    if (fieldSizing || !(el instanceof HTMLTextAreaElement)) return
    el.style.height = 'auto'
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`
  }

  const captureCaret = () => {
    if (composing || el.value !== base) return
    const start = el.selectionStart ?? 0
    const end = el.selectionEnd ?? start
    caret = {
      start: field.captureCaret(start),
      end: field.captureCaret(end),
      direction: el.selectionDirection ?? 'none',
    }
  }

  const setCaret = (start: number, end: number, direction: Caret['direction']) => {
    if (document.activeElement === el) el.setSelectionRange(start, end, direction)
  }

  const commit = () => {
    field.write(el.value, el.selectionEnd ?? undefined)
    base = el.value
    captureCaret()
    resize()
  }

  const applyModel = () => {
    const value = field.read()
    if (value === el.value) {
      base = value
      return
    }
    if (composing) {
      remoteWhileComposing = true
      return
    }
    const kept = caret
    const start = kept ? field.restoreCaret(kept.start) : null
    const end = kept ? field.restoreCaret(kept.end) : null
    const scroll = el.scrollTop
    el.value = value
    base = value
    if (kept && start !== null && end !== null) setCaret(start, end, kept.direction)
    el.scrollTop = scroll
    resize()
  }

  const onInput = (e: InputEvent) => {
    if (composing || e.isComposing) return
    commit()
  }

  const onCompositionEnd = () => {
    composing = false
    if (!remoteWhileComposing) return commit()
    remoteWhileComposing = false
    const merged = mergeComposition(base, el.value, field.read())
    el.value = merged.value
    setCaret(merged.caret, merged.caret, 'none')
    commit()
  }

  const onSelectionChange = () => {
    if (document.activeElement === el) captureCaret()
  }

  onMount(() => {
    el.value = base = field.read()
    resize()
    onCleanup(field.observe(applyModel))
    document.addEventListener('selectionchange', onSelectionChange)
    onCleanup(() => document.removeEventListener('selectionchange', onSelectionChange))
    if (!fieldSizing) {
      window.addEventListener('resize', resize)
      onCleanup(() => window.removeEventListener('resize', resize))
    }
  })

  const common = {
    id,
    class: 'text-field-control',
    'aria-describedby': props.hint ? `${id}-hint` : undefined,
    onInput,
    onCompositionStart: () => {
      composing = true
    },
    onCompositionEnd,
    onKeyUp: captureCaret,
    onPointerUp: captureCaret,
    onSelect: captureCaret,
    onFocus: () => {
      captureCaret()
      props.onFocusChange?.(true)
    },
    onBlur: () => props.onFocusChange?.(false),
  }

  return (
    <div class="text-field">
      <div class="text-field-head">
        <label for={id} class="text-field-label">
          {props.label}
        </label>
        {props.aside}
      </div>
      <Show when={props.hint}>
        <p id={`${id}-hint`} class="text-field-hint">
          {props.hint}
        </p>
      </Show>
      <Show
        when={props.input}
        fallback={
          <textarea
            {...common}
            ref={(e) => (el = e)}
            readOnly={props.readOnly}
            rows={3}
            data-testid={props.testId}
          />
        }
      >
        <input
          {...common}
          ref={(e) => (el = e)}
          readOnly={props.readOnly}
          type="text"
          data-testid={props.testId}
        />
      </Show>
    </div>
  )
}
