/// <reference types="vite/client" />

interface Window {
  /** The Electron preload's transport for the contract; absent when the renderer runs in the browser host. */
  lectern?: import('../../common/client').ClientTransport
}
