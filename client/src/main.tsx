// The entry point holds only React and the router: the signed-out pages render from here
// with plain CSS; the signed-in app (MUI, Apollo) is a lazy route (AppShell, router.tsx).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { SchemeAttribute } from './lib/SchemeAttribute';
import { router } from './router';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SchemeAttribute />
    <RouterProvider router={router} />
  </StrictMode>,
);
