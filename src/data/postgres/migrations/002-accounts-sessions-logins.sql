-- What makes the app servers stateless: accounts, sessions and sign-in throttling live in the
-- district's schema, so any server on the database answers any request of the bureau, and a
-- restart or a second server changes nothing a user sees. Runs inside the district's schema.

-- The accounts as accounts.json holds them in file mode (src/data/accounts/account.ts).
CREATE TABLE account (
  username text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  password_hash text NOT NULL,
  -- ISO 8601, as written by `npm run accounts`.
  created text NOT NULL,
  -- {subDistricts?, layers?}; null: everything the role allows.
  scope jsonb
);

-- Signed-in sessions. The cookie value is a bearer credential: only its SHA-256 is stored, so a
-- read of this table (a backup, a replica) signs nobody in.
CREATE TABLE login_session (
  id_hash text PRIMARY KEY,
  username text NOT NULL,
  credential_fingerprint text NOT NULL,
  csrf_token text NOT NULL,
  -- Milliseconds since 1970, as the database's clock counts: every server agrees on expiry.
  expires_at_ms bigint NOT NULL
);
CREATE INDEX login_session_by_user ON login_session (username);
CREATE INDEX login_session_by_expiry ON login_session (expires_at_ms);

-- Failed sign-ins per client address block (an IPv4 address or an IPv6 /64), as
-- src/server/auth/addressThrottle.ts counts them; the row is locked while an attempt is decided.
CREATE TABLE login_address (
  address_block text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  blocked_until_ms bigint NOT NULL DEFAULT 0,
  last_failure_ms bigint NOT NULL DEFAULT 0
);

-- Sign-ins admitted and not yet finished: counted against their address as they arrive.
CREATE TABLE login_attempt (
  id bigserial PRIMARY KEY,
  address_block text NOT NULL,
  started_ms bigint NOT NULL
);
CREATE INDEX login_attempt_by_address ON login_attempt (address_block);

-- The bureau's password-check budget (a token bucket): one row, updated under its lock.
CREATE TABLE login_budget (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  tokens double precision NOT NULL,
  updated_ms bigint NOT NULL
);
