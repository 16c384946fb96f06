declare const __APP_VERSION__: string
declare const __TEST_MODE__: boolean
