"""E-mail notifications, sent in the background after the transaction that caused them commits.

Every app notifies through `notify`: it renders `templates/notifications/<name>.txt` (the
first line is the subject, the rest the body) in the recipient's language, Indonesian
unless said otherwise, and hands the finished message to a Django task. Rendering happens
here so the task gets plain strings (tasks take JSON arguments) and a rolled-back write
sends nothing.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_notification_email(*, to: list[str], subject: str, body: str) -> int:
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def render_notification(name: str, context: dict, *, language: str | None = None) -> tuple[str, str]:
    """The subject and body of notification `name`, in `language` (the site default if None)."""
    context = {"site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"), **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        text = render_to_string(f"notifications/{name}.txt", context)
    subject, _newline, body = text.strip().partition("\n")
    return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject.strip(), body.strip() + "\n"


def notify(*, to: str | list[str], name: str, context: dict, language: str | None = None) -> None:
    """Send notification `name` to `to` once the current transaction commits (at once outside one)."""
    recipients = [to] if isinstance(to, str) else list(to)
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    subject, body = render_notification(name, context, language=language)
    transaction.on_commit(lambda: send_notification_email.enqueue(to=recipients, subject=subject, body=body))
