import { contextBridge, ipcRenderer } from 'electron'
import { createIpcClient } from './client'

// The page gets the typed archive client and nothing else: no ipcRenderer, no Node.
contextBridge.exposeInMainWorld('lectern', createIpcClient(ipcRenderer))
