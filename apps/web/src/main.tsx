import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { AuthProvider } from './auth';
import { ConfirmProvider } from './components/ConfirmDialog';
import { I18nProvider } from './i18n';
import { loadProblemCatalogues } from './problems';
import { queryClient } from './query';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AuthProvider>
          <ConfirmProvider>
            <BrowserRouter basename="/app">
              <App />
            </BrowserRouter>
          </ConfirmProvider>
        </AuthProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
// The sentences for the API's refusals: not needed for the first screen, fetched right after it.
void loadProblemCatalogues().catch(() => undefined);
