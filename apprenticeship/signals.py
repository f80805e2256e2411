"""Signals the apprenticeship sends so that apps further along can react without being imported here."""

from django.dispatch import Signal

# Sent (with `placement`) once a placement becomes completed, inside the transaction that completes it.
placement_completed = Signal()
