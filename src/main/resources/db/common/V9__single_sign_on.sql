-- Single sign-on with the region's accounts (issue 27). A user signed in that way keeps the provider's stable
-- subject; the administrator may name the sign-in name an existing user will come with, to link them.
ALTER TABLE app_user ADD COLUMN sso_subject TEXT;
ALTER TABLE app_user ADD COLUMN sso_login TEXT;
-- The person's name as the provider gives it, refreshed at each sign-in (shown beside the user name).
ALTER TABLE app_user ADD COLUMN display_name TEXT;
CREATE UNIQUE INDEX app_user_by_sso_subject ON app_user (sso_subject) WHERE sso_subject IS NOT NULL;

-- The units a user's groups gave at their latest sign-in, beside those the administrator assigned (user_unit).
CREATE TABLE user_claim_unit (
    user_id BIGINT NOT NULL REFERENCES app_user (id),
    unit    TEXT NOT NULL,
    PRIMARY KEY (user_id, unit)
);

-- A sign-in under way at the provider: taken once when the browser comes back (any instance), bound to the
-- browser that started it by a cookie whose hash is kept here; older than ten minutes it is void.
CREATE TABLE sso_login (
    state        TEXT PRIMARY KEY,
    browser_hash TEXT NOT NULL,
    nonce        TEXT NOT NULL,
    verifier     TEXT NOT NULL,
    next_path    TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
