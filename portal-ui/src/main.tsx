import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { commonMessages } from './i18n/common.messages';
import { addMessages, getLocale } from './i18n/i18n';
import './styles.css';

addMessages(commonMessages);
document.documentElement.lang = getLocale();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
