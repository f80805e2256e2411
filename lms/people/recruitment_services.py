"""Writes for recruitment: a candidate applies, a supervisor screens and decides.

Accepting a candidate also enrols them in a cohort, which belongs to the curriculum app, so the
whole acceptance is `courses.services.candidate_accept`; it calls `application_accept_account`
below for the people-side half (the trainee's account) inside its own transaction.
Every decision writes an audit row and sends the candidate an e-mail after commit.
"""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from lms.notifications import notify

from .constants import (
    OPEN_APPLICATION_STATUSES,
    RUBRIC_KEYS,
    RUBRIC_MAX_TOTAL,
    RUBRIC_SCORE_MAX,
    RUBRIC_SCORE_MIN,
    ApplicationStatus,
    Role,
)
from .models import ApplicationScreening, CandidateApplication, User
from .services import user_assign_role

DUPLICATE_APPLICATION = _(
    "An application from this e-mail address is already being considered. We will write to you about it."
)
ALREADY_ACCEPTED = _("This e-mail address has already been accepted. Sign in with it instead.")
NOT_OPEN = _("This application has already been decided.")
REASON_REQUIRED = _("Give a reason for the decision.")
SCORES_INCOMPLETE = _("Score every criterion from %(min)s to %(max)s.")
EDUCATION_TOO_LOW = _("The candidate's education is below senior high school (SLTA), so they cannot be accepted.")
NOT_SCREENED = _("Screen the application with the rubric before accepting it.")
ACCOUNT_NOT_TRAINEE = _(
    "An account with this e-mail address already exists and is not a trainee's; it cannot be used for this candidate."
)
ACCOUNT_TAKEN = _("The account with this e-mail address already belongs to another accepted application.")

APPLICATION_FIELDS = (
    "full_name",
    "email",
    "phone",
    "region",
    "education_level",
    "community_experience",
    "motivation",
    "references",
)


def application_submit(*, data: dict) -> CandidateApplication:
    """Store a candidate's application and confirm it to them by e-mail.

    One open application per e-mail address (checked here with a clear message, and by a
    unique constraint for two submits racing); an address that was accepted already signs in
    instead. A rejected candidate may apply again.
    """
    application = CandidateApplication(**{name: data[name] for name in APPLICATION_FIELDS})
    application.email = application.email.strip().lower()
    earlier = CandidateApplication.objects.filter(email=application.email)
    if earlier.filter(status=ApplicationStatus.ACCEPTED).exists():
        raise ValidationError({"email": ALREADY_ACCEPTED})
    if earlier.filter(status__in=OPEN_APPLICATION_STATUSES).exists():
        raise ValidationError({"email": DUPLICATE_APPLICATION})
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
            log(instance=application, action="people.application.submit", user=None)
    except IntegrityError:
        raise ValidationError({"email": DUPLICATE_APPLICATION}) from None
    notify(to=application.email, name="application_received", context={"application": application})
    return application


def screening_totals(scores: dict) -> tuple[int, int]:
    """The total and the percentage of the maximum for a complete set of rubric scores."""
    total = sum(scores[key] for key in RUBRIC_KEYS)
    return total, round(total * 100 / RUBRIC_MAX_TOTAL)


def application_screen(
    *, application: CandidateApplication, scores: dict, notes: str, by: User
) -> ApplicationScreening:
    """Record (or revise) the supervisor's rubric scores for an open application.

    Every criterion of SCREENING_RUBRIC gets a whole score from 1 to 5; the total and its
    percentage of the maximum are stored with the scores so lists can sort by them.
    """
    try:
        clean = {key: int(scores[key]) for key in RUBRIC_KEYS}
    except (KeyError, TypeError, ValueError):
        clean = None
    if clean is None or any(not RUBRIC_SCORE_MIN <= value <= RUBRIC_SCORE_MAX for value in clean.values()):
        raise ValidationError(SCORES_INCOMPLETE % {"min": RUBRIC_SCORE_MIN, "max": RUBRIC_SCORE_MAX})
    total, percent = screening_totals(clean)
    with transaction.atomic():
        application = CandidateApplication.objects.select_for_update().get(pk=application.pk)
        if not application.is_open:
            raise ValidationError(NOT_OPEN)
        screening, _created = ApplicationScreening.objects.update_or_create(
            application=application,
            defaults={
                "scores": clean,
                "total": total,
                "percent": percent,
                "notes": notes.strip(),
                "screened_by": by,
                "screened_at": timezone.now(),
            },
        )
        log(instance=application, action="people.application.screen", user=by, data={"total": total})
    return screening


def _decide(application: CandidateApplication, *, by: User, reason: str, status: str) -> CandidateApplication:
    """Lock the application, check it is still open, and record the decision and its audit row."""
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    application = CandidateApplication.objects.select_for_update().get(pk=application.pk)
    if not application.is_open:
        raise ValidationError(NOT_OPEN)
    application.status, application.decision_reason = status, reason.strip()
    application.decided_by, application.decided_at = by, timezone.now()
    application.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    log(instance=application, action=f"people.application.{status}", user=by, data={"reason": reason.strip()})
    return application


@transaction.atomic
def application_waitlist(*, application: CandidateApplication, by: User, reason: str) -> CandidateApplication:
    """Keep a suitable candidate for a later cohort; the application stays open."""
    if application.status == ApplicationStatus.WAITLISTED:
        raise ValidationError(NOT_OPEN)
    application = _decide(application, by=by, reason=reason, status=ApplicationStatus.WAITLISTED)
    notify(to=application.email, name="application_waitlisted", context={"application": application})
    return application


@transaction.atomic
def application_reject(*, application: CandidateApplication, by: User, reason: str) -> CandidateApplication:
    """Turn the candidate down; the reason is sent to them. They may apply again later."""
    application = _decide(application, by=by, reason=reason, status=ApplicationStatus.REJECTED)
    notify(to=application.email, name="application_rejected", context={"application": application})
    return application


def acceptance_problems(application: CandidateApplication) -> list[str]:
    """Why the application cannot be accepted as it stands (shown on the page, enforced below)."""
    problems = []
    if not application.is_open:
        problems.append(str(NOT_OPEN))
    if not application.meets_minimum_education:
        problems.append(str(EDUCATION_TOO_LOW))
    if not ApplicationScreening.objects.filter(application_id=application.pk).exists():
        problems.append(str(NOT_SCREENED))
    return problems


def application_accept_account(*, application: CandidateApplication, by: User, reason: str) -> tuple[User, bool]:
    """The people-side half of accepting: mark the application accepted and give it a trainee account.

    Returns the account and whether it was created now. A new account takes name, phone,
    education and home region from the application, has no usable password (the candidate
    sets one from the e-mailed link) and a verified address, because following that link
    proves they own it. An existing trainee account with the address is linked instead; any
    other existing account is refused, so an acceptance can never hand out a staff login.
    Call it inside the caller's transaction (courses.services.candidate_accept).
    """
    application = CandidateApplication.objects.select_for_update().get(pk=application.pk)
    problems = acceptance_problems(application)
    if problems:
        raise ValidationError(problems)
    account = User.objects.filter(email__iexact=application.email).first()
    created = account is None
    if account is not None:
        if not account.has_role(Role.TRAINEE) or account.is_staff or account.is_superuser:
            raise ValidationError(ACCOUNT_NOT_TRAINEE)
        if CandidateApplication.objects.filter(account=account).exclude(pk=application.pk).exists():
            raise ValidationError(ACCOUNT_TAKEN)
    else:
        account = User(
            email=application.email,
            full_name=application.full_name,
            phone=application.phone,
            education_level=application.education_level,
            home_region=application.region,
        )
        account.set_unusable_password()
        account.full_clean()
        account.save()
        EmailAddress.objects.create(user=account, email=account.email, primary=True, verified=True)
        user_assign_role(user=account, role=Role.TRAINEE)
    _decide(application, by=by, reason=reason, status=ApplicationStatus.ACCEPTED)
    CandidateApplication.objects.filter(pk=application.pk).update(account=account)
    log(
        instance=application,
        action="people.application.account",
        user=by,
        data={"account": account.pk, "created": created},
    )
    return account, created


def password_set_url(user: User) -> str:
    """A link with which the user chooses a password: allauth's password-reset-from-key page.

    The key stops working once the password changes or the user signs in (Django's token).
    """
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_acceptance(*, application: CandidateApplication, account: User, created: bool, cohort) -> None:
    """E-mail the accepted candidate: their cohort, and a link to set a password if the account is new."""
    notify(
        to=account.email,
        name="application_accepted",
        context={
            "application": application,
            "cohort": cohort,
            "course": cohort.course,
            "set_password_url": password_set_url(account) if created else "",
            "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_login"),
        },
    )
