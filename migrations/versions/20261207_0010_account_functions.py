"""account functions (PostgreSQL): sign-in, lockout count and account changes as SECURITY DEFINER functions

The station roles made by `motcua db roles` may not write `officers` (nor read its password hashes): a sign-in
attempt, clearing the count after a right password, and the admin's account changes go through these functions,
which run with the rights of their owner (the database owner who ran this migration). EXECUTE is revoked from
PUBLIC here and granted per role by `db roles` (app/store/roles.py). Nothing on SQLite (no roles there).

Revision ID: 20261207_0010
Revises: 20261206_0003
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op

revision: str = "20261207_0010"
down_revision: Union[str, None] = "20261207_0050"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_HEADER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp"
_IS_OWNER = ("pg_has_role(session_user, (SELECT d.datdba FROM pg_database d WHERE d.datname = current_database()), "
             "'MEMBER')")

FUNCTIONS = {
    # one attempt takes its place in the count (and locks at the N-th) before the password is checked; the
    # account's row comes back only when it may sign in (active, not locked); N and M are the centre's settings
    "motcua_sign_in_attempt(text, timestamptz)": f"""
CREATE OR REPLACE FUNCTION motcua_sign_in_attempt(p_login text, p_now timestamptz)
RETURNS TABLE(officer_id integer, officer_login text, officer_full_name text, officer_role text,
              officer_password_hash text) {_HEADER} AS $$
DECLARE
    v_attempts integer := COALESCE((SELECT (s.value #>> '{{}}')::integer FROM settings s
                                    WHERE s.key = 'lockout_attempts'), 5);
    v_minutes integer := COALESCE((SELECT (s.value #>> '{{}}')::integer FROM settings s
                                   WHERE s.key = 'lockout_minutes'), 15);
BEGIN
    RETURN QUERY WITH counted AS (
        UPDATE officers o SET
            failed_attempts = CASE WHEN o.locked_until IS NULL THEN o.failed_attempts + 1 ELSE 1 END,
            locked_until = CASE WHEN (CASE WHEN o.locked_until IS NULL THEN o.failed_attempts + 1 ELSE 1 END)
                                     >= v_attempts
                                THEN p_now + make_interval(mins => v_minutes) ELSE NULL END
        WHERE o.login = p_login AND o.active AND (o.locked_until IS NULL OR o.locked_until <= p_now)
        RETURNING o.id, o.login::text, o.full_name::text, o.role::text, o.password_hash::text)
    SELECT * FROM counted;
END $$""",
    # a right password clears the count (and stores a re-hash when argon2's parameters changed)
    "motcua_sign_in_succeeded(integer, text, text)": f"""
CREATE OR REPLACE FUNCTION motcua_sign_in_succeeded(p_id integer, p_seen_hash text, p_new_hash text)
RETURNS void {_HEADER} AS $$
BEGIN
    UPDATE officers SET failed_attempts = 0, locked_until = NULL,
                        password_hash = COALESCE(p_new_hash, password_hash)
    WHERE id = p_id AND password_hash = p_seen_hash;
END $$""",
    # a new account; the first one only over the owner's connection (the maintenance account)
    "motcua_officer_add(text, text, text, text, timestamptz)": f"""
CREATE OR REPLACE FUNCTION motcua_officer_add(p_login text, p_full_name text, p_role text, p_hash text,
                                              p_now timestamptz)
RETURNS integer {_HEADER} AS $$
DECLARE
    v_id integer;
BEGIN
    IF p_role NOT IN ('officer', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'motcua: bad role %', p_role USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM officers) AND NOT {_IS_OWNER} THEN
        RAISE EXCEPTION 'motcua: the first account is made over the owner connection' USING ERRCODE = '42501';
    END IF;
    INSERT INTO officers (login, full_name, role, password_hash, failed_attempts, active, created_at,
                          password_changed_at)
    VALUES (p_login, p_full_name, p_role, p_hash, 0, true, p_now, p_now) RETURNING id INTO v_id;
    RETURN v_id;
END $$""",
    "motcua_officer_update(integer, text, text, boolean)": f"""
CREATE OR REPLACE FUNCTION motcua_officer_update(p_id integer, p_full_name text, p_role text, p_active boolean)
RETURNS boolean {_HEADER} AS $$
BEGIN
    IF p_role NOT IN ('officer', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'motcua: bad role %', p_role USING ERRCODE = '22023';
    END IF;
    UPDATE officers SET full_name = p_full_name, role = p_role, active = p_active WHERE id = p_id;
    RETURN FOUND;
END $$""",
    # a new password clears a lockout
    "motcua_officer_set_password(text, text, timestamptz)": f"""
CREATE OR REPLACE FUNCTION motcua_officer_set_password(p_login text, p_hash text, p_now timestamptz)
RETURNS boolean {_HEADER} AS $$
BEGIN
    UPDATE officers SET password_hash = p_hash, password_changed_at = p_now, failed_attempts = 0,
                        locked_until = NULL
    WHERE login = p_login;
    RETURN FOUND;
END $$""",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for signature, body in FUNCTIONS.items():
        op.execute(body)
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
