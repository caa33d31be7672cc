// The app loads protocols on demand (src/protocols/loader.ts); tests open runs synchronously,
// as the CLI does, so every protocol is imported (and marked loaded) up front.
import './src/protocols/registry';
// The Chinese of the first-load strings and of protocol content load with the language
// (i18n/contentText.ts); tests translate to Chinese synchronously, so they are loaded first.
import { loadContent } from './src/i18n/contentText';
await loadContent();
