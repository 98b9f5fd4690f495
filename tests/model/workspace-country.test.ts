import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import type { WorkspaceCountry, WorkspacePart } from '../../src/model/workspace.ts'
import {
  getWorkspaceCountry,
  observeWorkspace,
  setWorkspaceCountry,
} from '../../src/model/workspace.ts'

// W7: the workspace's country in the workspace document, as the relay publishes it.

describe('W7: the workspace country in the workspace document', () => {
  it('W7: unset until published; PL or KG once published; the last publication holds', () => {
    const doc = new Y.Doc()
    expect(getWorkspaceCountry(doc)).toBeUndefined()
    setWorkspaceCountry(doc, 'PL')
    expect(getWorkspaceCountry(doc)).toBe('PL')
    setWorkspaceCountry(doc, 'KG')
    expect(getWorkspaceCountry(doc)).toBe('KG')
  })

  it('W7: a country without a calendar is refused and a malformed stored value reads as unset', () => {
    const doc = new Y.Doc()
    expect(() => setWorkspaceCountry(doc, 'DE' as WorkspaceCountry)).toThrow(ModelError)
    expect(getWorkspaceCountry(doc)).toBeUndefined()
    doc.getMap('settings').set('country', 'pl')
    expect(getWorkspaceCountry(doc)).toBeUndefined()
  })

  it('W6, W7: a publication is a change of the settings; publishing the same country again writes nothing', () => {
    const doc = new Y.Doc()
    const seen: WorkspacePart[][] = []
    const stop = observeWorkspace(doc, (parts) => seen.push([...parts]))
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    setWorkspaceCountry(doc, 'KG')
    setWorkspaceCountry(doc, 'KG')
    expect(seen).toEqual([['settings']])
    expect(updates).toHaveLength(1)
    stop()
  })
})
