// The app loads protocols on demand (src/protocols/loader.ts); tests open runs synchronously,
// as the CLI does, so every protocol is imported (and marked loaded) up front.
import './src/protocols/registry';
