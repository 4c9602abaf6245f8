import { Button, Spin } from 'antd';
import { LazyResult as Result } from './components/LazyResult';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { KEY_PERSON_ROLES, REGISTER_ROLES, SUPERVISION_ROLES } from './auth/roles';
import { ChunkBoundary } from './components/ChunkBoundary';
import { AppLayout } from './layout/AppLayout';
const LoginPage = lazy(() => import('./pages/login/LoginPage'));
import {
  NAV_ROUTES,
  ReportPrintPage,
  CheckInPage,
  SelfReportPage,
  TipPage,
  KeyPersonPage,
  RegisterPage,
  SitePage,
  SupervisionPage,
} from './routes';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A signed-in page, loaded on first visit: a spinner meanwhile, a notice if it cannot be fetched. */
function PageFrame({ children }: { children: ReactNode }) {
  return (
    <ChunkBoundary>
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>
    </ChunkBoundary>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/login"
          element={
            <Suspense fallback={<Spin />}>
              <LoginPage />
            </Suspense>
          }
        />
        {/* Public: the self check-in link's page (the token in the path is the authorisation). */}
        <Route
          path="/check-in/:token"
          element={
            <Suspense fallback={<Spin />}>
              <CheckInPage />
            </Suspense>
          }
        />
        {/* Public: 主动报备 and 举报 at the short addresses printed on posters and QR codes. */}
        <Route
          path="/p/report"
          element={
            <Suspense fallback={<Spin />}>
              <SelfReportPage />
            </Suspense>
          }
        />
        <Route
          path="/p/tip"
          element={
            <Suspense fallback={<Spin />}>
              <TipPage />
            </Suspense>
          }
        />
        <Route
          path="/daily-reports/:id/print"
          element={
            <RequireAuth>
              <Suspense fallback={<Spin />}>
                <ReportPrintPage />
              </Suspense>
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          {NAV_ROUTES.map(({ path, roles, page: Page }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequireRole roles={roles}>
                  <PageFrame>
                    <Page />
                  </PageFrame>
                </RequireRole>
              }
            />
          ))}
          <Route
            path="/key-persons/:id"
            element={
              <RequireRole roles={KEY_PERSON_ROLES}>
                <PageFrame>
                  <KeyPersonPage />
                </PageFrame>
              </RequireRole>
            }
          />
          <Route
            path="/register/:tab"
            element={
              <RequireRole roles={REGISTER_ROLES}>
                <PageFrame>
                  <RegisterPage />
                </PageFrame>
              </RequireRole>
            }
          />
          <Route
            path="/observation-sites/:id"
            element={
              <RequireRole roles={KEY_PERSON_ROLES}>
                <PageFrame>
                  <SitePage />
                </PageFrame>
              </RequireRole>
            }
          />
          <Route
            path="/supervision/:tab"
            element={
              <RequireRole roles={SUPERVISION_ROLES}>
                <PageFrame>
                  <SupervisionPage />
                </PageFrame>
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
