from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lms.people.constants import REGIONS_CSV
from lms.people.services import regions_import_csv


class Command(BaseCommand):
    help = (
        "Import Indonesian regions from a UTF-8 CSV with the header `code,name`, one region a "
        "line, parents before children (codes 35, 35.78, 35.78.01, 35.78.01.1001). Nothing is "
        "imported if any line is wrong. Without a file, imports the demo data set."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(REGIONS_CSV))

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": path, "error": error}) from error
        report = regions_import_csv(text=text)
        if not report.ok:
            for line_number, message in report.errors:
                self.stderr.write(_("Line %(line)d: %(message)s") % {"line": line_number, "message": message})
            raise CommandError(
                _("Nothing was imported: %(count)d line(s) have errors.") % {"count": len(report.errors)}
            )
        self.stdout.write(
            _("Regions imported: %(created)d new, %(updated)d renamed, %(unchanged)d unchanged.")
            % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
        )
