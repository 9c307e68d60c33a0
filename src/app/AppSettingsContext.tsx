import { createContext, useContext } from 'react';
import { AppSettings } from './settings';

/** The app's jsonData as Grafana handed it to the root page; pages read defaults from it. */
export const AppSettingsContext = createContext<AppSettings>({});

export const useAppSettings = () => useContext(AppSettingsContext);
