import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasBridge } from './api/client';
import { startJobTracking } from './api/jobs';
import { App } from './App';
import { en } from './text/en';
import './styles/base.css';
import './styles/layout.css';
import './styles/home.css';
import './styles/summary.css';
import './styles/grid.css';
import './styles/roles.css';
import './styles/report.css';
import './styles/join.css';
import './styles/changes.css';
import './styles/confirm.css';
import './styles/explore-screen.css';

// A file dropped outside a drop zone must not make the window navigate to it.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (e) => e.preventDefault());
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

if (hasBridge()) {
  startJobTracking();
  createRoot(rootElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  const message = document.createElement('p');
  message.className = 'fatal';
  message.setAttribute('role', 'alert');
  message.dataset.testid = 'no-bridge';
  message.textContent = en.app.noBridge;
  rootElement.replaceChildren(message);
}
