import type { AnnotatorBridge } from '../../../common/api';

declare global {
  interface Window {
    /** The Electron preload bridge; absent when the renderer runs in a browser through the loopback host. */
    readonly annotator?: AnnotatorBridge;
  }
}

export {};
