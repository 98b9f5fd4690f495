import type * as Y from 'yjs'

// Subscriptions for the UI: one callback per transaction (local or remote) that touched
// any of the named top-level maps, after all Yjs observers ran, so the model's reads
// already see the final state. The callback says which maps changed.

export function observeTopLevelMaps<Name extends string>(
  doc: Y.Doc,
  names: readonly Name[],
  onChange: (changed: ReadonlySet<Name>) => void,
): () => void {
  const byType = new Map<unknown, Name>(names.map((name) => [doc.getMap(name), name]))
  const handler = (transaction: Y.Transaction): void => {
    const changed = new Set<Name>()
    for (const type of transaction.changed.keys()) {
      const name = byType.get(type)
      if (name !== undefined) changed.add(name)
    }
    if (changed.size > 0) onChange(changed)
  }
  doc.on('afterTransaction', handler)
  return () => doc.off('afterTransaction', handler)
}
