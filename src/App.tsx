import React, { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder } from '@grafana/ui';
import { prefixRoute, ROUTES } from './constants';
import { AppSettings } from './app/settings';
import { TraceFilesProvider } from './app/TraceFilesContext';
import { AppSettingsContext } from './app/AppSettingsContext';
import { prestartAnalysisWorker } from './loading';

const SearchPage = lazy(() => import('./pages/search/SearchPage'));
const TracePage = lazy(() => import('./pages/trace/TracePage'));
const ServicesPage = lazy(() => import('./pages/services/ServicesPage'));
const ComparePage = lazy(() => import('./pages/compare/ComparePage'));
const OpenFilePage = lazy(() => import('./pages/file/OpenFilePage'));

/**
 * The app's routes, relative to /a/<plugin id>. Unknown paths land on the search page. The trace
 * files opened in this tab live here (TraceFilesProvider), above the pages that add and read them.
 * An analysis worker starts with the app, so that the first big trace opened does not wait for its
 * script (50–120 ms on the 100k-span bench). The trace page's code is not loaded ahead: in one task
 * with leaving the search page, its first render took 47–57 ms where the two apart stay under 50.
 */
export default function App({ meta }: AppRootProps<AppSettings>) {
  useEffect(prestartAnalysisWorker, []);
  return (
    <AppSettingsContext.Provider value={meta?.jsonData ?? {}}>
      <TraceFilesProvider>
        <Suspense fallback={<LoadingPlaceholder text={t('app.loading', 'Loading TraceLens…')} />}>
          <Routes>
            <Route path={ROUTES.Search} element={<SearchPage />} />
            <Route path={`${ROUTES.Trace}/:traceId`} element={<TracePage />} />
            <Route path={ROUTES.Services} element={<ServicesPage />} />
            <Route path={ROUTES.Compare} element={<ComparePage />} />
            <Route path={ROUTES.File} element={<OpenFilePage />} />
            <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Search)} replace />} />
          </Routes>
        </Suspense>
      </TraceFilesProvider>
    </AppSettingsContext.Provider>
  );
}
