import { diagnosticsTarget, formError, formFromSettings, settingsFromForm } from './configForm';

describe('the configuration form', () => {
  it('starts from the saved settings, defaults filled in', () => {
    expect(formFromSettings(undefined)).toEqual({
      traceUid: undefined,
      prometheusUid: undefined,
      scheme: 'auto',
      maxTraces: '200',
    });
    expect(
      formFromSettings({
        tempoDatasourceUid: 'jaeger',
        prometheusDatasourceUid: 'prometheus',
        spanMetricsScheme: 'otel',
        maxTracesForAggregate: 50,
      })
    ).toEqual({ traceUid: 'jaeger', prometheusUid: 'prometheus', scheme: 'otel', maxTraces: '50' });
  });

  it('saves what it shows: the settings back unchanged, the typed limit as a number', () => {
    const saved = { tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prom', spanMetricsScheme: 'auto' as const };
    expect(settingsFromForm(formFromSettings({ ...saved, maxTracesForAggregate: 300 }))).toEqual({
      ...saved,
      maxTracesForAggregate: 300,
    });
    expect(settingsFromForm({ ...formFromSettings(saved), maxTraces: ' 42 ' }).maxTracesForAggregate).toBe(42);
  });

  it('cannot be saved with a limit that is no whole number from 1 to 5000', () => {
    const form = formFromSettings({});
    expect(formError(form)).toBeUndefined();
    expect(formError({ ...form, maxTraces: '5000' })).toBeUndefined();
    expect(formError({ ...form, maxTraces: '5001' })).toBe(
      'Choose between 1 and 5000 traces: more would make aggregates slow to fetch.'
    );
    expect(formError({ ...form, maxTraces: '2.5' })).toBe('Enter a whole number of traces, for example 200.');
  });

  it('has the diagnostics check the chosen datasources, none as empty', () => {
    expect(diagnosticsTarget(formFromSettings({ prometheusDatasourceUid: 'prom' }))).toEqual({
      traceUid: '',
      promUid: 'prom',
      scheme: 'auto',
    });
  });
});
