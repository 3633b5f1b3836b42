import { contextBridge, ipcRenderer } from 'electron'
import { createIpcTransport } from './transport'

// The page gets the contract's transport and nothing else: no ipcRenderer, no Node. It builds its
// typed client on it (common/client.ts).
contextBridge.exposeInMainWorld('lectern', createIpcTransport(ipcRenderer))
