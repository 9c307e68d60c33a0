/**
 * Test support: the user-event instance for tests of pages built from Grafana UI in jsdom. It skips
 * user-event's pointer-events check: that check asks jsdom for the computed style of the target and
 * every ancestor, which walks all of emotion's injected style rules each time (seconds per test on
 * a busy machine), and proves little where jsdom lays nothing out.
 */
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

export const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
