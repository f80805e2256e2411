"""Signals the curriculum sends so that apps further along can react without being imported here."""

from django.dispatch import Signal

# Sent (with `enrollment`) once an enrolment becomes completed, inside the transaction that completes it.
enrollment_completed = Signal()
