-- Campaigns: how long the send's freeze takes for 100,000 consenting recipients (issue 16, deliverable 7).
-- Run against a scratch database with the migrations applied (e.g. the e2e one); everything is rolled back:
--   psql "host=127.0.0.1 port=54322 user=postgres dbname=participation_e2e" -f bench/campaigns/freeze-100k.sql
-- It seeds 100,000 confirmed residents who consented, then runs the exact statement of CampaignJob.FreezeSql (recipients
-- frozen with their hashed unsubscribe tokens and their outbox e-mails queued, set-based, in one statement) and prints
-- its duration.
\timing on
BEGIN;
INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
SELECT gen_random_uuid(), 'bench-campaign-' || g || '@example.org', 'x', 'Prénom' || g, 'Nom', now()
  FROM generate_series(1, 100000) g;
INSERT INTO newsletter_consents (user_id, status)
SELECT id, 'given' FROM users WHERE email LIKE 'bench-campaign-%';
INSERT INTO campaigns (id, subject, body_html, language, segment_kind, status, scheduled_at)
VALUES ('00000000-0000-0000-0000-00000000be00', 'Bench', '<p>Bonjour {unsubscribe-x}</p>', 'fr', 'newsletter', 'scheduled', now());
\echo '-- the freeze (100,000 recipients):'
WITH segment AS MATERIALIZED (
    SELECT s.user_id, sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())) AS token
      FROM campaign_segment('newsletter', NULL, '{}') s),
frozen AS (
    INSERT INTO campaign_recipients (campaign_id, user_id, token_hash)
    SELECT '00000000-0000-0000-0000-00000000be00', s.user_id, sha256(s.token) FROM segment s
    ON CONFLICT DO NOTHING
    RETURNING user_id),
mailed AS (
    INSERT INTO email_outbox (dedup_key, category, to_address, to_name, subject, text_body, html_body, headers)
    SELECT 'campaign:00000000-0000-0000-0000-00000000be00:' || f.user_id::text, 'campaign', u.email,
           u.first_name || ' ' || u.last_name, 'Bench',
           replace('Bonjour {unsubscribe-x}', '{unsubscribe-x}', encode(s.token, 'hex')),
           replace('<p>Bonjour {unsubscribe-x}</p>', '{unsubscribe-x}', encode(s.token, 'hex')),
           jsonb_build_object('List-Unsubscribe', '<https://api.example.org/api/v1/newsletter/unsubscribe?token='
                              || encode(s.token, 'hex') || '>', 'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')
      FROM frozen f JOIN segment s ON s.user_id = f.user_id JOIN users u ON u.id = f.user_id
    ON CONFLICT (dedup_key) DO NOTHING
    RETURNING 1)
UPDATE campaigns SET status = 'sent', sent_at = now(), recipients_count = (SELECT count(*) FROM mailed)
 WHERE id = '00000000-0000-0000-0000-00000000be00'
RETURNING recipients_count;
ROLLBACK;
