"""Demo regions and people for every role. Run through `manage.py seed_demo`.

Creates only what is missing, so a second run changes nothing (and never resets a
password someone has changed since).
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import transaction

from .constants import REGIONS_CSV, EducationLevel, Role
from .models import Region, User
from .services import regions_import_csv, user_assign_role

DEMO_PASSWORD = "Pendamping-Demo-2026"  # noqa: S105 - printed on purpose for the demo


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    password: str
    note: str = ""


# email, full name, roles, home region code, scope region code, education
STAFF = [
    ("admin@akademi.test", "Administrator Akademi", [], "31.71", None, EducationLevel.S2),
    ("pengajar@akademi.test", "Dra. Sri Wahyuni", [Role.TRAINER], "35.78", "35", EducationLevel.S2),
    ("pengajar.senior@akademi.test", "Dr. Hendro Prasetyo", [Role.SENIOR_TRAINER], "35.78", None, EducationLevel.S3),
    ("penyelia.jatim@akademi.test", "Bambang Hermanto", [Role.SUPERVISOR], "35.78", "35", EducationLevel.S1),
    ("penyelia.kalsel@akademi.test", "Siti Rahmah", [Role.SUPERVISOR], "63.71", "63", EducationLevel.S1),
]
PEOPLE = [
    ("pembimbing@akademi.test", "Suparmi", [Role.HOST_MENTOR], "35.07", EducationLevel.SLTA),
    ("peserta@akademi.test", "Dewi Lestari", [Role.TRAINEE], "35.78", EducationLevel.SLTA),
    ("agus.salim@akademi.test", "Agus Salim", [Role.TRAINEE], "35.73", EducationLevel.SLTA),
    ("rina.wati@akademi.test", "Rina Wati", [Role.TRAINEE], "35.15", EducationLevel.D3),
    ("joko.susilo@akademi.test", "Joko Susilo", [Role.TRAINEE], "35.07", EducationLevel.SLTA),
    ("nurhayati@akademi.test", "Nurhayati", [Role.TRAINEE], "35.78", EducationLevel.S1),
    ("ahmad.fauzi@akademi.test", "Ahmad Fauzi", [Role.TRAINEE], "63.71", EducationLevel.SLTA),
    ("siti.aminah@akademi.test", "Siti Aminah", [Role.TRAINEE], "63.03", EducationLevel.SLTA),
    ("rusdiansyah@akademi.test", "Rusdiansyah", [Role.TRAINEE], "63.72", EducationLevel.D3),
    ("wahyu.nugroho@akademi.test", "Wahyu Nugroho", [Role.TRAINEE], "34.04", EducationLevel.SLTA),
    ("endang.sulastri@akademi.test", "Endang Sulastri", [Role.TRAINEE], "34.02", EducationLevel.SLTA),
    ("budi.santoso@akademi.test", "Budi Santoso", [Role.TRAINEE], "31.74", EducationLevel.S1),
    # In the control group of the running evaluation study (assessments.demo).
    ("kontrol@akademi.test", "Ratna Kusumawati", [Role.TRAINEE], "35.73", EducationLevel.SLTA),
]


def _region(code: str | None) -> Region | None:
    return Region.objects.get(code=code) if code else None


def _ensure_user(email, full_name, roles, home_code, scope_code, education, *, superuser=False) -> User:
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user
    create = User.objects.create_superuser if superuser else User.objects.create_user
    user = create(
        email=email,
        password=DEMO_PASSWORD,
        full_name=full_name,
        phone="081234567890",
        education_level=education,
        home_region=_region(home_code),
        scope_region=_region(scope_code),
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    for role in roles:
        user_assign_role(user=user, role=role)
    return user


def _ensure_totp_secret(user: User) -> str:
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        authenticator = TOTP.activate(user, generate_totp_secret()).instance
    return get_mfa_adapter().decrypt(authenticator.data["secret"])


@transaction.atomic
def seed() -> list[DemoAccount]:
    report = regions_import_csv(text=REGIONS_CSV.read_text(encoding="utf-8"))
    if not report.ok:
        raise ValueError(f"Demo regions are invalid: {report.errors}")

    accounts = []
    for email, full_name, roles, home_code, scope_code, education in STAFF:
        user = _ensure_user(email, full_name, roles, home_code, scope_code, education, superuser=not roles)
        secret = _ensure_totp_secret(user)
        role = ", ".join(roles) or "Administrator"
        accounts.append(DemoAccount(role, email, DEMO_PASSWORD, f"TOTP secret {secret}"))
    for email, full_name, roles, home_code, education in PEOPLE:
        _ensure_user(email, full_name, roles, home_code, None, education)
        accounts.append(DemoAccount(", ".join(roles), email, DEMO_PASSWORD))
    return accounts
