import { Button, Result, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { KEY_PERSON_ROLES, REGISTER_ROLES } from './auth/roles';
import { AppLayout } from './layout/AppLayout';
import LoginPage from './pages/login/LoginPage';
import { NAV_ROUTES, ReportPrintPage, CheckInPage, KeyPersonPage, RegisterPage, SitePage } from './routes';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result status="404" title="404" subTitle={t('common.notFound')}
      extra={<Link to="/"><Button type="primary">{t('common.backHome')}</Button></Link>} />
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* Public: the self check-in link's page (the token in the path is the authorisation). */}
        <Route path="/check-in/:token" element={<Suspense fallback={<Spin />}><CheckInPage /></Suspense>} />
        <Route path="/daily-reports/:id/print" element={<RequireAuth><Suspense fallback={<Spin />}><ReportPrintPage /></Suspense></RequireAuth>} />
        <Route element={<RequireAuth><AppLayout /></RequireAuth>}>
          {NAV_ROUTES.map(({ path, roles, page: Page }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequireRole roles={roles}>
                  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                    <Page />
                  </Suspense>
                </RequireRole>
              }
            />
          ))}
          <Route path="/key-persons/:id" element={<RequireRole roles={KEY_PERSON_ROLES}><Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}><KeyPersonPage /></Suspense></RequireRole>} />
          <Route path="/register/:tab" element={<RequireRole roles={REGISTER_ROLES}><Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}><RegisterPage /></Suspense></RequireRole>} />
          <Route path="/observation-sites/:id" element={<RequireRole roles={KEY_PERSON_ROLES}><Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}><SitePage /></Suspense></RequireRole>} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
