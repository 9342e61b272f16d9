/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
declare module 'bpmn-js/lib/NavigatedViewer'
declare module 'bpmn-js/lib/Modeler'
declare module '@bpmn-io/form-js-viewer'
declare module 'bpmn-auto-layout'
