import { createContext, type JSX, useContext } from 'solid-js'
import type { SyncClient } from '../../sync/sync-client.ts'
import { createWorkspace, type WorkspaceView } from './create-workspace.ts'

const WorkspaceContext = createContext<WorkspaceView>()

export const WorkspaceProvider = (props: { sync: SyncClient; children: JSX.Element }) => (
  <WorkspaceContext.Provider value={createWorkspace(props.sync)}>
    {props.children}
  </WorkspaceContext.Provider>
)

export const useWorkspace = (): WorkspaceView => {
  const w = useContext(WorkspaceContext)
  if (!w) throw new Error('useWorkspace outside WorkspaceProvider')
  return w
}
