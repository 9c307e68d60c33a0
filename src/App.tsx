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
const loadTracePage = () => import('./pages/trace/TracePage');
const TracePage = lazy(loadTracePage);
const ServicesPage = lazy(() => import('./pages/services/ServicesPage'));
const ComparePage = lazy(() => import('./pages/compare/ComparePage'));
const OpenFilePage = lazy(() => import('./pages/file/OpenFilePage'));

/**
 * The app's routes, relative to /a/<plugin id>. Unknown paths land on the search page. The trace
 * files opened in this tab live here (TraceFilesProvider), above the pages that add and read them.
 * The trace page's code loads, and an analysis worker starts, with the app, so that the first trace
 * opened waits for neither (some 30 and 50–120 ms on the 100k-span bench); should the code fail to
 * load here, opening a trace requests it again.
 */
export default function App({ meta }: AppRootProps<AppSettings>) {
  useEffect(() => {
    prestartAnalysisWorker();
    loadTracePage().catch(() => undefined);
  }, []);
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
