import { useParams } from '@solidjs/router'
import { type JSX, Show } from 'solid-js'
import { isValidId } from '../../sync/protocol.ts'

/**
 * A `/documents/:id…` route: its children for the id in the address (built afresh when the id
 * changes), or `invalid` for an id no document can have.
 */
export const DocumentRoute = (props: {
  invalid: JSX.Element
  children: (id: string) => JSX.Element
}) => {
  const params = useParams()
  return (
    <Show when={params.id} keyed>
      {(id) => (
        <Show when={isValidId(id)} fallback={props.invalid}>
          {props.children(id)}
        </Show>
      )}
    </Show>
  )
}
