import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './style.css';

const root = document.getElementById('root');
if (root) {
  // Opened as a tab ("Open in a tab", where a file picker keeps working), the page is wider.
  if (new URLSearchParams(location.search).has('tab')) document.body.classList.add('in-tab');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
