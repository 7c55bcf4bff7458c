import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady, startingLanguage } from '@/lib/i18n';
import { languageOfPath, pathInLanguage } from '@/lib/i18n/negotiation';
import './styles/app.css';
import { refreshSession } from '@/api/client';
import { App } from '@/app/app';
import { sessionStore } from '@/lib/auth/session-store';

// Every address carries its language (/fr/…, /nl/…, /en/…): one without (an old link, a typed address) moves in place
// to the negotiated language, keeping its query and fragment (e-mailed tokens travel in the fragment).
const { pathname, search, hash } = window.location;
if (!languageOfPath(pathname))
  window.history.replaceState(window.history.state, '', `${pathInLanguage(pathname, startingLanguage())}${search}${hash}`);

// A stored refresh token: restore the session silently (single-flight, so StrictMode cannot double it).
if (sessionStore.getStatus() === 'restoring') void refreshSession();

// The first language's messages come before the first render: no key is ever shown.
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
