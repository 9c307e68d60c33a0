/**
 * One request through the demo system, as the spans each service would emit:
 *
 *   frontend  SERVER  GET /checkout | GET /account
 *   └ frontend CLIENT → api-gateway SERVER  GET /api/checkout | GET /api/account
 *       ├ CLIENT → auth-service SERVER  POST /auth/verify        ┐ in parallel
 *       ├ CLIENT → user-service SERVER  GET /users/{id}          ┘
 *       │           └ user-service CLIENT  SELECT users  (db.system=postgresql, peer.service=postgres)
 *       └ PRODUCER orders publish  (checkout only)
 *           └ order-worker CONSUMER orders process  (starts after a queue delay, may outlive the request)
 *
 * Durations are integer microseconds drawn from the seeded random source; an outlier request's
 * database span is exactly 10× its normal draw, and a failing auth call turns into a 500 with an
 * exception event that propagates as 502 to the gateway and frontend.
 * Regression mode (`plan.regression`) makes a known change without drawing anything more from the
 * random source, so a batch with it and one without from the same seed differ only by it: the
 * database call becomes `dbCalls` calls back to back, each as long as the one call was (their ids
 * derive from the first call's), and `slowService`'s own work grows by `slowByUs` (in its SERVER
 * or CONSUMER span, outside any child: its self time grows by exactly that much).
 */
import { Random } from '../support/random';
import type { AttributeScalar } from '../support/otlp';
import { GenSpan, GenTrace, Kind } from './model';

/** A known change to a request (see the file header). */
export interface Regression {
  /** calls the one database call becomes (1: unchanged) */
  dbCalls: number;
  /** the service whose own work grows, if any */
  slowService?: (typeof SERVICES)[number];
  /** how much its own work grows, µs */
  slowByUs: number;
}

export interface RequestPlan {
  route: 'checkout' | 'account';
  authFails: boolean;
  outlier: boolean;
  requestId: string;
  /** overrides the database span's name (escaping tests use odd characters here) */
  dbSpanName?: string;
  /** prepended to every service name, so a test's traces never mix with the shared batch's */
  servicePrefix?: string;
  /** regression mode's change (see the file header) */
  regression?: Regression;
}

export const SERVICES = ['frontend', 'api-gateway', 'auth-service', 'user-service', 'order-worker'] as const;
export const DB_SPAN_NAME = 'SELECT users';
export const DB_STATEMENT = 'SELECT id, name, email FROM users WHERE id = $1';

/** Builds the spans of one request starting at `startUs` (µs since the epoch). */
export function buildTrace(rng: Random, plan: RequestPlan, startUs: number): GenTrace {
  const traceId = rng.hex(16);
  const prefix = plan.servicePrefix ?? '';
  const spans: GenSpan[] = [];
  const span = (
    parent: GenSpan | undefined,
    service: string,
    name: string,
    kind: Kind,
    startAt: number,
    endAt: number,
    attributes: Record<string, AttributeScalar> = {}
  ): GenSpan => {
    const s: GenSpan = {
      spanId: rng.hex(8),
      parentSpanId: parent?.spanId,
      service: prefix + service,
      name,
      kind,
      startUs: startAt,
      endUs: endAt,
      attributes: attributes['peer.service']
        ? { ...attributes, 'peer.service': prefix + attributes['peer.service'] }
        : attributes,
      events: [],
    };
    spans.push(s);
    return s;
  };
  const net = () => rng.int(300, 700);
  const dbCalls = plan.regression?.dbCalls ?? 1;
  /** the regression's extra own work of `service`, µs */
  const slower = (service: (typeof SERVICES)[number]) =>
    plan.regression?.slowService === service ? plan.regression.slowByUs : 0;

  // Durations, innermost first.
  const dbUs = rng.int(2000, 6000) * (plan.outlier ? 10 : 1);
  const userPre = rng.int(500, 1500);
  const userPost = rng.int(300, 800) + slower('user-service');
  const userUs = userPre + dbCalls * dbUs + userPost;
  const authUs = rng.int(3000, 8000) + slower('auth-service');
  const [authNetIn, authNetOut, userNetIn, userNetOut] = [net(), net(), net(), net()];
  const gwPre = rng.int(400, 1200);
  const userDelay = rng.int(100, 400);
  const publish = plan.route === 'checkout';
  const producerUs = publish ? rng.int(300, 900) : 0;
  const queueDelay = rng.int(1000, 5000);
  const consumerUs = rng.int(2000, 6000) + slower('order-worker');
  const gwPost = rng.int(300, 900) + slower('api-gateway');
  const [feNetIn, feNetOut] = [net(), net()];
  const fePre = rng.int(800, 2000);
  const fePost = rng.int(500, 1200) + slower('frontend');

  const feStart = startUs;
  const feClientStart = feStart + fePre;
  const gwStart = feClientStart + feNetIn;
  const authClientStart = gwStart + gwPre;
  const userClientStart = authClientStart + userDelay;
  const authClientEnd = authClientStart + authNetIn + authUs + authNetOut;
  const userClientEnd = userClientStart + userNetIn + userUs + userNetOut;
  const producerStart = Math.max(authClientEnd, userClientEnd);
  const gwEnd = producerStart + producerUs + gwPost;
  const feClientEnd = gwEnd + feNetOut;
  const feEnd = feClientEnd + fePost;

  const feRoute = `/${plan.route}`;
  const gwRoute = `/api/${plan.route}`;
  const failStatus = plan.authFails ? 502 : 200;
  const fe = span(undefined, 'frontend', `GET ${feRoute}`, 'SERVER', feStart, feEnd, {
    'http.method': 'GET',
    'http.route': feRoute,
    'http.status_code': failStatus,
    x_request_id: plan.requestId,
  });
  const feClient = span(fe, 'frontend', `GET ${gwRoute}`, 'CLIENT', feClientStart, feClientEnd, {
    'http.method': 'GET',
    'http.status_code': failStatus,
    'peer.service': 'api-gateway',
  });
  const gw = span(feClient, 'api-gateway', `GET ${gwRoute}`, 'SERVER', gwStart, gwEnd, {
    'http.method': 'GET',
    'http.route': gwRoute,
    'http.status_code': failStatus,
    x_request_id: plan.requestId,
  });
  const authStatus = plan.authFails ? 500 : 200;
  const authClient = span(gw, 'api-gateway', 'POST /auth/verify', 'CLIENT', authClientStart, authClientEnd, {
    'http.method': 'POST',
    'http.status_code': authStatus,
    'peer.service': 'auth-service',
  });
  const auth = span(
    authClient,
    'auth-service',
    'POST /auth/verify',
    'SERVER',
    authClientStart + authNetIn,
    authClientEnd - authNetOut,
    {
      'http.method': 'POST',
      'http.route': '/auth/verify',
      'http.status_code': authStatus,
    }
  );
  const userClient = span(gw, 'api-gateway', 'GET /users/{id}', 'CLIENT', userClientStart, userClientEnd, {
    'http.method': 'GET',
    'http.status_code': 200,
    'peer.service': 'user-service',
  });
  const userStart = userClientStart + userNetIn;
  const user = span(userClient, 'user-service', 'GET /users/{id}', 'SERVER', userStart, userStart + userUs, {
    'http.method': 'GET',
    'http.route': '/users/{id}',
    'http.status_code': 200,
  });
  const db = span(
    user,
    'user-service',
    plan.dbSpanName ?? DB_SPAN_NAME,
    'CLIENT',
    userStart + userPre,
    userStart + userPre + dbUs,
    {
      'db.system': 'postgresql',
      'db.name': 'users',
      'db.statement': DB_STATEMENT,
      'peer.service': 'postgres',
    }
  );
  for (let k = 1; k < dbCalls; k++) {
    const id = `${db.spanId.slice(0, 12)}${k.toString(16).padStart(4, '0')}`;
    spans.push({ ...db, spanId: id, startUs: db.startUs + k * dbUs, endUs: db.endUs + k * dbUs });
  }
  if (publish) {
    const producer = span(gw, 'api-gateway', 'orders publish', 'PRODUCER', producerStart, producerStart + producerUs, {
      'messaging.system': 'kafka',
      'messaging.destination.name': 'orders',
      'messaging.operation': 'publish',
      'peer.service': 'order-worker',
    });
    const consumerStart = producer.endUs + queueDelay;
    span(producer, 'order-worker', 'orders process', 'CONSUMER', consumerStart, consumerStart + consumerUs, {
      'messaging.system': 'kafka',
      'messaging.destination.name': 'orders',
      'messaging.operation': 'process',
    });
  }
  if (plan.authFails) {
    auth.error = 'token verification failed: upstream key store returned 500';
    auth.events.push({
      timeUs: auth.endUs - 100,
      name: 'exception',
      attributes: {
        'exception.type': 'KeyStoreUnavailableError',
        'exception.message': auth.error,
        'exception.stacktrace':
          'KeyStoreUnavailableError: upstream key store returned 500\n    at verify (auth/verify.ts:42:11)',
      },
    });
    authClient.error = 'POST /auth/verify returned 500';
    gw.error = 'auth-service failed';
    feClient.error = 'api-gateway returned 502';
    fe.error = 'api-gateway returned 502';
  }
  return { traceId, spans };
}
