-- PostgreSQL for Inquiry Desk with several replicas (README: "Running in production").
-- Run once as a superuser; the password comes from the command line, not from this file:
--
--   psql -h DBHOST -U postgres -v ON_ERROR_STOP=1 -v password='a-long-random-secret' -f deploy/postgresql-setup.sql
--
-- Every replica then uses the same
--   DATABASE_URL=postgresql+asyncpg://inquirybot:a-long-random-secret@DBHOST:5432/inquirybot
-- (percent-encode @ : / % in the password). The bot creates and migrates its own tables
-- (`inquirybot db upgrade`), so the role owns the database and its public schema and needs nothing else.

CREATE ROLE inquirybot LOGIN PASSWORD :'password';
-- Each replica opens up to 15 connections (SQLAlchemy's pool of 5 plus 10 overflow) and the scheduler
-- leader one more for its lock; 50 covers three replicas and a few CLI commands.
ALTER ROLE inquirybot CONNECTION LIMIT 50;
-- UTC sessions: the bot stores UTC and converts to the org time zone itself.
ALTER ROLE inquirybot SET timezone = 'UTC';

CREATE DATABASE inquirybot OWNER inquirybot ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE inquirybot FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE inquirybot TO inquirybot;

\connect inquirybot
ALTER SCHEMA public OWNER TO inquirybot;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
