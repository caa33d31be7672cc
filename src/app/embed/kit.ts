/**
 * Everything embed mode needs beyond the shared app, in one module that main.tsx imports only
 * when the page is an embed (docs/embed.md): the bridge to the host, the locks and the embed's
 * own shell stay out of the first load of the full app (issue 17).
 */
export { noStorage, startEmbed } from './start';
export { EmbedApp } from './EmbedApp';
export { connectTourProgress } from './bridge';
export { tourProgressSource } from '../../store/tourProgress';
