declare const __APP_VERSION__: string
declare const __TEST_MODE__: boolean

declare module 'virtual:perspectief/scenes' {
  const scenes: import('./script/bundledScene.ts').BundledScene[]
  export default scenes
}

/** The drill scenes only (kind: drill), for the phone drill's page. */
declare module 'virtual:perspectief/drill-scenes' {
  const scenes: import('./script/bundledScene.ts').BundledScene[]
  export default scenes
}
