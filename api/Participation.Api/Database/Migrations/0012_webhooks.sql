-- Webhooks: an API client subscribes an HTTPS endpoint to event types of the change feed; each event is fanned out
-- once into deliveries (one per subscription and resource changed), which a dispatcher sends signed per the Standard
-- Webhooks specification (webhook-id, webhook-timestamp, webhook-signature), retrying with exponential back-off.
--
-- The signing secret ("whsec_" + base64 of 32 random bytes) is kept as is: HMAC needs it to sign. It is shown to the
-- subscriber at creation and on rotation only, never in a list or the events. After a rotation the previous secret
-- keeps signing too (a second signature in the header) until previous_secret_expires_at, so receivers switch without
-- losing a delivery.
CREATE TABLE webhook_subscriptions (
    id                         uuid PRIMARY KEY,
    client_id                  uuid NOT NULL REFERENCES api_clients (id),
    url                        text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    -- wire names of the change feed's event types (checked by the API against the client's scopes)
    event_types                text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 100),
    description                text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    secret                     text NOT NULL CHECK (secret LIKE 'whsec\_%'),
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    enabled                    boolean NOT NULL DEFAULT true,
    disabled_at                timestamptz,
    -- failing: deliveries kept failing; gone: the receiver answered 410 Gone; manual: turned off by its managers
    disabled_reason            text CHECK (disabled_reason IN ('failing', 'gone', 'manual')),
    -- failed attempts in a row (any delivery), and when the run of failures began: both back to zero on a success
    consecutive_failures       integer NOT NULL DEFAULT 0,
    failing_since              timestamptz,
    created_by                 uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CHECK (enabled = (disabled_at IS NULL) AND enabled = (disabled_reason IS NULL))
);
CREATE INDEX webhook_subscriptions_client ON webhook_subscriptions (client_id, created_at, id);

-- One message to one subscription. Its webhook-id (message_id) stays the same across retries and replays: receivers
-- use it as an idempotency key. The payload is the exact text sent and signed (text, not jsonb, which would reorder it).
CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    message_id      text NOT NULL CHECK (message_id ~ '^msg_[A-Za-z0-9]+$'),
    subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    -- the event and the resource it changed (none for a test message)
    event_position  bigint,
    event_type      text NOT NULL,
    target_kind     text,
    target_id       uuid,
    payload         text NOT NULL CHECK (payload::jsonb IS NOT NULL),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    -- a dispatcher's claim while it sends (several instances: one sends at a time)
    locked_until    timestamptz,
    last_attempt_at timestamptz,
    delivered_at    timestamptz,
    replay_of       uuid REFERENCES webhook_deliveries (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
-- An event fans out once per subscription and resource, whatever the number of instances (replays are new rows).
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (subscription_id, event_position, target_kind, target_id)
    WHERE replay_of IS NULL AND event_position IS NOT NULL;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_replays ON webhook_deliveries (replay_of) WHERE replay_of IS NOT NULL;

-- Every attempt: what the receiver answered (status, the first kilobyte of its body) or why it could not be reached.
CREATE TABLE webhook_attempts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at     timestamptz NOT NULL DEFAULT now(),
    status_code      integer,
    duration_ms      integer NOT NULL,
    error            text CHECK (length(error) <= 1000),
    response_excerpt text CHECK (length(response_excerpt) <= 1024)
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
