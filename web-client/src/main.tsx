import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/lib/i18n';
import './styles/app.css';
import { refreshSession } from '@/api/client';
import { App } from '@/app/app';
import { sessionStore } from '@/lib/auth/session-store';

// A stored refresh token: restore the session silently (single-flight, so StrictMode cannot double it).
if (sessionStore.getStatus() === 'restoring') void refreshSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
