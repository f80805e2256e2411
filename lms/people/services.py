"""Writes for people and regions. Each function validates, then saves atomically."""

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .constants import Role
from .models import REGION_CODE_VALIDATOR, Region, User

REGION_CSV_COLUMNS = ("code", "name")


@dataclass
class RegionImportReport:
    """What an import did, or every row that stopped it."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _parse_region_rows(text: str, report: RegionImportReport) -> list[tuple[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or tuple(name.strip() for name in reader.fieldnames[:2]) != REGION_CSV_COLUMNS:
        report.errors.append((1, _("The first line must be the header: code,name")))
        return []
    rows, seen = [], set()
    for line_number, row in enumerate(reader, start=2):
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        try:
            REGION_CODE_VALIDATOR(code)
        except ValidationError:
            report.errors.append((line_number, _("“%(code)s” is not an official region code.") % {"code": code}))
            continue
        if not name:
            report.errors.append((line_number, _("The name is empty.")))
            continue
        if code in seen:
            report.errors.append((line_number, _("Code %(code)s appears twice.") % {"code": code}))
            continue
        parent = Region.parent_code(code)
        if parent and parent not in seen and not Region.objects.filter(code=parent).exists():
            report.errors.append(
                (
                    line_number,
                    _("Parent %(parent)s of %(code)s is neither in the file above this line nor in the database.")
                    % {"parent": parent, "code": code},
                )
            )
            continue
        seen.add(code)
        rows.append((code, name))
    return rows


def regions_import_csv(*, text: str) -> RegionImportReport:
    """Import regions from CSV text with the columns `code,name`, parents before children.

    All or nothing: any bad row is reported with its line number and nothing is written.
    Existing codes are renamed when the name changed, so a re-import is idempotent.
    """
    report = RegionImportReport()
    rows = _parse_region_rows(text, report)
    if not report.ok:
        return report
    with transaction.atomic():
        by_code = {region.code: region for region in Region.objects.all()}
        for code, name in rows:
            existing = by_code.get(code)
            if existing is not None:
                if existing.name == name:
                    report.unchanged += 1
                else:
                    existing.name = name
                    existing.save(update_fields=["name"])
                    report.updated += 1
                continue
            parent_code = Region.parent_code(code)
            if parent_code is None:
                region = Region.add_root(code=code, name=name)
            else:
                # Read the parent afresh: a sorted insert may have moved sibling paths.
                region = Region.objects.get(code=parent_code).add_child(code=code, name=name)
            by_code[code] = region
            report.created += 1
    return report


@transaction.atomic
def user_assign_role(*, user: User, role: Role) -> None:
    """Put the user in the role's group (created by migration people.0002_roles)."""
    user.groups.add(Group.objects.get(name=role))
    user.__dict__.pop("role_names", None)


def user_update_profile(*, user: User, data: dict) -> User:
    """Save a user's own profile fields after validating the whole model."""
    for name, value in data.items():
        setattr(user, name, value)
    user.full_clean()
    user.save()
    return user
