"""The KUBE registry from a CSV or XLSX file: every row is checked first, and no KUBE is created
unless every row is valid. The report lists each problem with its line number in the file.

The columns are named in Indonesian, as the people who keep the registers in the field write
them. Checking costs a fixed number of queries, whatever the number of rows.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from lms.people.constants import RegionLevel, Role
from lms.people.models import Region, User
from lms.people.scoping import region_in_user_scope
from lms.tabular import TableError, read_table

from .constants import KUBE_FILE_MAX_ROWS, ProgrammeStage, Weekday
from .models import BusinessType, KubeGroup

REQUIRED_COLUMNS = ("nama", "kode_desa", "jenis_usaha", "tanggal_berdiri", "jumlah_keluarga", "tahap")
COLUMNS = (
    "nama",
    "kode_desa",
    "alamat",
    "jenis_usaha",
    "tanggal_berdiri",
    "jumlah_keluarga",
    "tahap",
    "hari_pertemuan",
    "iks",
    "kapasitas",
    "email_pembimbing",
    "aktif",
)

# The model field each column fills, to name the column when the model refuses a value.
FIELD_COLUMNS = {
    "name": "nama",
    "village": "kode_desa",
    "address": "alamat",
    "business_type": "jenis_usaha",
    "founded_on": "tanggal_berdiri",
    "member_families": "jumlah_keluarga",
    "programme_stage": "tahap",
    "meeting_day": "hari_pertemuan",
    "iks_contribution": "iks",
    "host_capacity": "kapasitas",
    "host_mentor": "email_pembimbing",
    "is_active": "aktif",
}
# Checked against the lookups loaded once for the whole file, not by full_clean row by row.
RELATION_FIELDS = ["village", "business_type", "host_mentor"]

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S")  # the last: a date cell of a workbook
STAGES = {
    "penumbuhan": ProgrammeStage.PENUMBUHAN,
    "blps": ProgrammeStage.BLPS,
    "pengembangan": ProgrammeStage.BLPS,
    "lkm": ProgrammeStage.LKM,
    "penguatan": ProgrammeStage.LKM,
    "koperasi": ProgrammeStage.KOPERASI,
}
WEEKDAYS = {
    "senin": Weekday.MONDAY,
    "selasa": Weekday.TUESDAY,
    "rabu": Weekday.WEDNESDAY,
    "kamis": Weekday.THURSDAY,
    "jumat": Weekday.FRIDAY,
    "jum'at": Weekday.FRIDAY,
    "sabtu": Weekday.SATURDAY,
    "minggu": Weekday.SUNDAY,
    "ahad": Weekday.SUNDAY,
    "monday": Weekday.MONDAY,
    "tuesday": Weekday.TUESDAY,
    "wednesday": Weekday.WEDNESDAY,
    "thursday": Weekday.THURSDAY,
    "friday": Weekday.FRIDAY,
    "saturday": Weekday.SATURDAY,
    "sunday": Weekday.SUNDAY,
}
YES = frozenset({"ya", "y", "yes", "true", "1"})
NO = frozenset({"tidak", "t", "no", "false", "0"})

# An example for the downloadable template, in the order of COLUMNS: a KUBE in Karang Pilang, Surabaya.
TEMPLATE_ROWS = [
    [
        "KUBE Mawar Sejahtera",
        "35.78.01.1001",
        "Jl. Mawar 12, RT 03/RW 02",
        "warung-makan",
        "2021-03-01",
        "10",
        "penumbuhan",
        "Kamis",
        "5000",
        "2",
        "",
        "ya",
    ]
]


@dataclass
class KubeImportReport:
    created: list[KubeGroup] = field(default_factory=list)
    errors: list[tuple[int | None, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def kube_groups_import(*, data: bytes, filename: str, by: User) -> KubeImportReport:
    """Create the KUBE of a file when every row is valid; otherwise create none and say why."""
    report = KubeImportReport()
    try:
        table = read_table(data=data, filename=filename, max_rows=KUBE_FILE_MAX_ROWS)
    except TableError as error:
        report.errors.append((None, str(error)))
        return report
    missing = [column for column in REQUIRED_COLUMNS if column not in table.header]
    if missing:
        report.errors.append(
            (1, _("These required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return report
    if not table.rows:
        report.errors.append((None, _("The file has no KUBE below the header.")))
        return report

    accepted = _check_rows(table.rows, by, report)
    if report.errors:
        report.errors.sort(key=lambda error: error[0] or 0)
        return report
    with transaction.atomic():
        for _line, kube in accepted:
            kube.full_clean()
            kube.save()
            log(instance=kube, action="wagtail.create", user=by)
    report.created = [kube for _line, kube in accepted]
    return report


@dataclass
class _Lookups:
    """Everything the rows refer to, loaded in a fixed number of queries."""

    regions: dict[str, Region]
    business_types: dict[str, BusinessType]
    people: dict[str, User]
    existing: set[tuple[str, int]]

    @classmethod
    def load(cls, rows) -> "_Lookups":
        codes = {row["kode_desa"] for _line, row in rows if row.get("kode_desa")}
        regions = {region.code: region for region in Region.objects.filter(code__in=codes)}
        business_types = {}
        for business_type in BusinessType.objects.all():
            for name in (business_type.name_en, business_type.name_id, business_type.slug):
                business_types[_key(name)] = business_type
        emails = {row["email_pembimbing"].lower() for _line, row in rows if row.get("email_pembimbing")}
        people = {}
        if emails:
            people = {
                person.email_lower: person
                for person in User.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=emails, is_active=True)
                .prefetch_related("groups")
            }
        village_ids = [region.pk for region in regions.values() if region.depth == RegionLevel.VILLAGE]
        existing = set()
        if village_ids:
            existing = {
                (_key(name), village_id)
                for name, village_id in KubeGroup.objects.filter(village_id__in=village_ids).values_list(
                    "name", "village_id"
                )
            }
        return cls(regions=regions, business_types=business_types, people=people, existing=existing)


def _check_rows(rows, by, report) -> list[tuple[int, KubeGroup]]:
    lookups = _Lookups.load(rows)
    accepted, seen = [], {}
    for line_number, row in rows:
        kube, problems = _build(row, lookups, by)
        if kube.name and kube.village_id:
            key = (_key(kube.name), kube.village_id)
            village = f"{kube.village.code} {kube.village.name}"
            if key in lookups.existing:
                problems.append(
                    _("A KUBE named “%(name)s” already exists in %(village)s.")
                    % {"name": kube.name, "village": village}
                )
            elif key in seen:
                problems.append(
                    _("“%(name)s” in %(village)s already appears on line %(line)s.")
                    % {"name": kube.name, "village": village, "line": seen[key]}
                )
            else:
                seen[key] = line_number
        report.errors.extend((line_number, problem) for problem in problems)
        if not problems:
            accepted.append((line_number, kube))
    return accepted


def _build(row: dict[str, str], lookups: _Lookups, by: User) -> tuple[KubeGroup, list[str]]:
    """The KUBE a row describes, and what is wrong with it."""
    problems: list[str] = []
    unparsed: set[str] = set()  # fields already reported, so the model check does not repeat them

    def cell(column):
        return row.get(column, "").strip()

    def refuse(field_name, message):
        problems.append(message)
        unparsed.add(field_name)

    for column in REQUIRED_COLUMNS:
        if not cell(column):
            problems.append(_("“%(column)s” is empty.") % {"column": column})
    unparsed.update(name for name, column in FIELD_COLUMNS.items() if column in REQUIRED_COLUMNS and not cell(column))

    kube = KubeGroup(name=cell("nama"), address=cell("alamat"))

    code = cell("kode_desa")
    if code:
        region = lookups.regions.get(code)
        if region is None:
            refuse("village", _("No region has the code %(code)s.") % {"code": code})
        elif region.depth != RegionLevel.VILLAGE:
            refuse(
                "village",
                _("%(code)s %(name)s is not a village (desa/kelurahan).") % {"code": code, "name": region.name},
            )
        elif not region_in_user_scope(user=by, region=region):
            refuse("village", _("%(code)s %(name)s lies outside your region.") % {"code": code, "name": region.name})
        else:
            kube.village = region

    business = cell("jenis_usaha")
    if business:
        business_type = lookups.business_types.get(_key(business))
        if business_type is None:
            refuse("business_type", _("“%(value)s” is not a known business type.") % {"value": business})
        else:
            kube.business_type = business_type

    founded = cell("tanggal_berdiri")
    if founded:
        kube.founded_on = _date(founded)
        if kube.founded_on is None:
            refuse(
                "founded_on",
                _("“%(value)s” is not a date; write it as YYYY-MM-DD or DD/MM/YYYY.") % {"value": founded},
            )
        elif kube.founded_on > timezone.localdate():
            refuse("founded_on", _("The founding date cannot be in the future."))

    for field_name, column, default in (
        ("member_families", "jumlah_keluarga", None),
        ("iks_contribution", "iks", 0),
        ("host_capacity", "kapasitas", 0),
    ):
        text = cell(column)
        if not text:
            if default is not None:
                setattr(kube, field_name, default)
            continue
        number = _whole_number(text)
        if number is None:
            refuse(
                field_name,
                _("%(column)s: “%(value)s” is not a whole number.") % {"column": column, "value": text},
            )
        else:
            setattr(kube, field_name, number)

    stage = cell("tahap")
    if stage:
        kube.programme_stage = STAGES.get(_key(stage))
        if kube.programme_stage is None:
            refuse(
                "programme_stage",
                _("“%(value)s” is not a programme stage; use penumbuhan, blps, lkm or koperasi.") % {"value": stage},
            )

    day = cell("hari_pertemuan")
    if day:
        number = _whole_number(day)
        kube.meeting_day = number if number in Weekday.values else WEEKDAYS.get(_key(day))
        if kube.meeting_day is None:
            refuse(
                "meeting_day",
                _("“%(value)s” is not a day of the week; use Senin to Minggu, or 1 to 7.") % {"value": day},
            )

    email = cell("email_pembimbing").lower()
    if email:
        problem = _host_mentor_problem(email, lookups.people)
        if problem:
            refuse("host_mentor", problem)
        else:
            kube.host_mentor = lookups.people[email]

    active = _key(cell("aktif"))
    if not active or active in YES:
        kube.is_active = True
    elif active in NO:
        kube.is_active = False
    else:
        refuse("is_active", _("aktif: write “ya” or “tidak”, not “%(value)s”.") % {"value": cell("aktif")})

    try:
        kube.full_clean(exclude=[*RELATION_FIELDS, *unparsed], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            for message in messages:
                if field_name == NON_FIELD_ERRORS or field_name not in FIELD_COLUMNS:
                    problems.append(message)
                else:
                    problems.append(
                        _("%(column)s: %(message)s") % {"column": FIELD_COLUMNS[field_name], "message": message}
                    )
    return kube, problems


def _host_mentor_problem(email: str, people: dict[str, User]) -> str | None:
    try:
        validate_email(email)
    except ValidationError:
        return _("“%(email)s” is not an e-mail address.") % {"email": email}
    person = people.get(email)
    if person is None:
        return _("No account uses %(email)s.") % {"email": email}
    if Role.HOST_MENTOR not in {group.name for group in person.groups.all()}:
        return _("%(email)s is not a host mentor.") % {"email": email}
    return None


def _key(text: str) -> str:
    """Names compared without regard to case or repeated spaces."""
    return " ".join(text.split()).casefold()


def _date(text: str) -> datetime.date | None:
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def _whole_number(text: str) -> int | None:
    """12, 12.0 (a number cell of a workbook), or rupiah with thousands marks: Rp 5.000, 5,000."""
    value = re.sub(r"^rp\.?", "", text.strip(), flags=re.IGNORECASE).replace(" ", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", value):
        return int(re.sub(r"[.,]", "", value))
    if re.fullmatch(r"\d+(\.0+)?", value):
        return int(value.split(".")[0])
    return None
