import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setCsrfToken } from './api/client';
import { App } from './App';
import { ME_KEY } from './auth/session';
import './i18n';
import { LocaleProvider } from './i18n/LocaleProvider';
import { startLibraryLabels } from './i18n/library-labels';
import './styles.css';
import { startOutbox } from './offline';
import { registerServiceWorker } from './offline/service-worker';

// A 401 anywhere means the session ended (expired, logged out elsewhere): drop to the login page.
function onError(error: unknown) {
  if (error instanceof ApiError && error.status === 401) {
    setCsrfToken(null);
    queryClient.setQueryData(ME_KEY, null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <App />
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);

startOutbox();
registerServiceWorker();
startLibraryLabels();
