import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { sessionStore } from '../store/session';
import './styles.css';

declare global {
  interface Window {
    __faultline?: { store: typeof sessionStore };
  }
}

// A handle for browser tests and debugging; left out of production builds.
if (import.meta.env.DEV || import.meta.env.MODE === 'test') window.__faultline = { store: sessionStore };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
