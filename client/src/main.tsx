// The entry point holds only React and the router: the signed-out pages render from here
// with plain CSS; the signed-in app (MUI, Apollo) is a lazy route (AppShell, router.tsx).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { startEarlyCurrentUser } from './auth/early-current-user';
import { startI18n } from './i18n';
import { SchemeAttribute } from './lib/SchemeAttribute';
import { router } from './router';

// Signed in: ask who, while the signed-in app downloads (auth/early-current-user.ts).
startEarlyCurrentUser();

// The chosen language's file (none for English) before the first render.
void startI18n().finally(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SchemeAttribute />
    <RouterProvider router={router} />
  </StrictMode>,
));
