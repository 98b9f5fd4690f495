import { For, type JSX } from 'solid-js'

/**
 * One choice among a few, as a row of chips (radio buttons): a list's filter or tab. Each chip
 * shows `children(option)`; `testId(option)` names its radio button.
 */
export function FilterChips<T extends string>(props: {
  legend: string
  class?: string
  name: string
  options: readonly T[]
  selected: T
  onSelect: (option: T) => void
  testId: (option: T) => string
  children: (option: T) => JSX.Element
}) {
  return (
    <fieldset class={props.class ? `filter-chips ${props.class}` : 'filter-chips'}>
      <legend>{props.legend}</legend>
      <For each={props.options}>
        {(option) => (
          <label class="chip">
            <input
              type="radio"
              name={props.name}
              value={option}
              checked={props.selected === option}
              onChange={() => props.onSelect(option)}
              data-testid={props.testId(option)}
            />
            <span>{props.children(option)}</span>
          </label>
        )}
      </For>
    </fieldset>
  )
}
