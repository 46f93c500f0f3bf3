-- Issue 15: the delivery machinery (outbox, unsubscriptions) is the notify module's, which knows
-- no domain. The outbox keeps its table; what an e-mail is about ("kind") is the sender's word,
-- no longer a fixed list, and each row names the subscription its unsubscribe link stops, so an
-- unsubscription also cancels what is still waiting to be sent.
ALTER TABLE alert_outbox DROP CONSTRAINT IF EXISTS alert_outbox_kind_check;
ALTER TABLE alert_outbox ADD COLUMN subscription TEXT;
CREATE INDEX alert_outbox_subscription_idx ON alert_outbox (subscription) WHERE status = 'PENDING';

-- Every subscription an e-mail carried an unsubscribe link for ("recipient:42", "changes:ana"):
-- an unsubscribe token is honoured only for one of these (a calendar token, signed with the
-- same key, is not), and one with unsubscribed_at receives nothing more.
CREATE TABLE notify_subscription (
    subscription     TEXT PRIMARY KEY,
    unsubscribed_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Links e-mailed before this version keep working: every subscription they may name.
INSERT INTO notify_subscription (subscription)
SELECT 'recipient:' || id FROM alert_recipient
UNION SELECT 'listreminders:' || id FROM alert_recipient WHERE username IS NULL
UNION SELECT 'search:' || id FROM saved_search
UNION SELECT 'changes:' || username FROM app_user
UNION SELECT 'reminders:' || username FROM app_user
ON CONFLICT DO NOTHING;
