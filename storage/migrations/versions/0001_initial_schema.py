"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 20:35:53.946179
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('assignment_pointers',
    sa.Column('department_id', sa.String(length=64), nullable=False),
    sa.Column('last_person_id', sa.String(length=64), nullable=False),
    sa.Column('updated_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('department_id', name=op.f('pk_assignment_pointers'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=64), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('away_periods',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('delegate_id', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_away_periods'))
    )
    with op.batch_alter_table('away_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_away_periods_person_id'), ['person_id'], unique=False)

    op.create_table('conversations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('expires_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversations')),
    sa.UniqueConstraint('platform', 'person_id', 'key', name=op.f('uq_conversations_platform'))
    )
    op.create_table('count_matches',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('department_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.Column('at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_count_matches')),
    sa.UniqueConstraint('department_id', 'day', name=op.f('uq_count_matches_department_id'))
    )
    op.create_table('deal_reports',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('department_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('reported_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('reported_by', sa.String(length=64), nullable=False),
    sa.Column('inquiry_ids', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_reports')),
    sa.UniqueConstraint('department_id', 'kind', 'period', name=op.f('uq_deal_reports_department_id'))
    )
    op.create_table('inquiries',
    sa.Column('id', sa.String(length=20), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('region_id', sa.String(length=64), nullable=True),
    sa.Column('department_id', sa.String(length=64), nullable=True),
    sa.Column('assignee_id', sa.String(length=64), nullable=True),
    sa.Column('original_assignee_id', sa.String(length=64), nullable=True),
    sa.Column('specialist_id', sa.String(length=64), nullable=True),
    sa.Column('source', sa.String(length=32), nullable=True),
    sa.Column('customer_name', sa.String(length=200), nullable=True),
    sa.Column('company', sa.String(length=200), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('product', sa.String(length=200), nullable=True),
    sa.Column('original_text', sa.Text(), nullable=True),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('message_key', sa.String(length=200), nullable=True),
    sa.Column('intake_ref', sa.JSON(), nullable=True),
    sa.Column('duplicate_of', sa.String(length=20), nullable=True),
    sa.Column('received_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('forwarded_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('assigned_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('followed_up_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('followup_method', sa.String(length=16), nullable=True),
    sa.Column('crm_id', sa.String(length=64), nullable=True),
    sa.Column('crm_confirmed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('agent_name', sa.String(length=200), nullable=True),
    sa.Column('won_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('won_amount', sa.String(length=32), nullable=True),
    sa.Column('lost_reason', sa.Text(), nullable=True),
    sa.Column('grey_state', sa.String(length=16), nullable=True),
    sa.Column('grey_reason', sa.Text(), nullable=True),
    sa.Column('exception_state', sa.String(length=16), nullable=True),
    sa.Column('transfers', sa.Integer(), nullable=False),
    sa.Column('closed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('erased_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiries')),
    sa.UniqueConstraint('message_key', name=op.f('uq_inquiries_message_key')),
    sa.UniqueConstraint('seq', name=op.f('uq_inquiries_seq'))
    )
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.create_index('ix_inquiries_assignee_status', ['assignee_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiries_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiries_forwarded_at'), ['forwarded_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_inquiries_phone'), ['phone'], unique=False)
        batch_op.create_index('ix_inquiries_status_due', ['status', 'due_at'], unique=False)

    op.create_table('job_runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('job', sa.String(length=64), nullable=False),
    sa.Column('slot', sa.String(length=40), nullable=False),
    sa.Column('claimed_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('finished_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_runs')),
    sa.UniqueConstraint('job', 'slot', name=op.f('uq_job_runs_job'))
    )
    op.create_table('ledger_sent',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('department_id', sa.String(length=64), nullable=False),
    sa.Column('confirmed_by', sa.String(length=64), nullable=False),
    sa.Column('confirmed_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_sent')),
    sa.UniqueConstraint('month', 'department_id', name=op.f('uq_ledger_sent_month'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('target', sa.JSON(), nullable=False),
    sa.Column('inquiry_id', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('claimed_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('sent_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('delivery', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_status_next', ['status', 'next_attempt_at'], unique=False)

    op.create_table('penalties',
    sa.Column('id', sa.String(length=20), nullable=False),
    sa.Column('lapse_key', sa.String(length=200), nullable=False),
    sa.Column('rule', sa.String(length=8), nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=True),
    sa.Column('inquiry_id', sa.String(length=20), nullable=True),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('appealed', sa.Boolean(), nullable=False),
    sa.Column('appeal_reason', sa.Text(), nullable=True),
    sa.Column('split_group', sa.String(length=40), nullable=True),
    sa.Column('created_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penalties')),
    sa.UniqueConstraint('lapse_key', name=op.f('uq_penalties_lapse_key'))
    )
    with op.batch_alter_table('penalties', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_penalties_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_penalties_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_penalties_rule'), ['rule'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('department_id', sa.String(length=64), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('in_org', sa.Boolean(), nullable=False),
    sa.Column('updated_at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    op.create_table('processed_events',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_processed_events'))
    )
    op.create_table('sent_messages',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('chat', sa.String(length=64), nullable=False),
    sa.Column('message_id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('inquiry_id', sa.String(length=20), nullable=True),
    sa.Column('person_id', sa.String(length=64), nullable=True),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sent_messages')),
    sa.UniqueConstraint('platform', 'chat', 'message_id', name=op.f('uq_sent_messages_platform'))
    )
    with op.batch_alter_table('sent_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sent_messages_inquiry_id'), ['inquiry_id'], unique=False)

    op.create_table('sequences',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', 'year', name=op.f('pk_sequences'))
    )
    op.create_table('inquiry_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('inquiry_id', sa.String(length=20), nullable=False),
    sa.Column('at', storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiries.id'], name=op.f('fk_inquiry_events_inquiry_id_inquiries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inquiry_events'))
    )
    with op.batch_alter_table('inquiry_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inquiry_events_inquiry_id'), ['inquiry_id'], unique=False)

    op.create_table('person_identities',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_identities_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_identities')),
    sa.UniqueConstraint('platform', 'external_id', name=op.f('uq_person_identities_platform'))
    )
    with op.batch_alter_table('person_identities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_identities_person_id'), ['person_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('person_identities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_identities_person_id'))

    op.drop_table('person_identities')
    with op.batch_alter_table('inquiry_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inquiry_events_inquiry_id'))

    op.drop_table('inquiry_events')
    op.drop_table('sequences')
    with op.batch_alter_table('sent_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sent_messages_inquiry_id'))

    op.drop_table('sent_messages')
    op.drop_table('processed_events')
    op.drop_table('people')
    with op.batch_alter_table('penalties', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_penalties_rule'))
        batch_op.drop_index(batch_op.f('ix_penalties_person_id'))
        batch_op.drop_index(batch_op.f('ix_penalties_period'))

    op.drop_table('penalties')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_status_next')

    op.drop_table('outbox')
    op.drop_table('ledger_sent')
    op.drop_table('job_runs')
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.drop_index('ix_inquiries_status_due')
        batch_op.drop_index(batch_op.f('ix_inquiries_phone'))
        batch_op.drop_index(batch_op.f('ix_inquiries_forwarded_at'))
        batch_op.drop_index(batch_op.f('ix_inquiries_email'))
        batch_op.drop_index('ix_inquiries_assignee_status')

    op.drop_table('inquiries')
    op.drop_table('deal_reports')
    op.drop_table('count_matches')
    op.drop_table('conversations')
    with op.batch_alter_table('away_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_away_periods_person_id'))

    op.drop_table('away_periods')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    op.drop_table('assignment_pointers')

