/// <reference types="vite/client" />

interface Window {
  /** The Electron preload's client; absent when the renderer runs in the browser host. */
  lectern?: import('../../common/api').ArchiveClient
}
