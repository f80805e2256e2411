"""lms.tabular: an XLSX is read by the cells it holds, never by the size it claims, and a sheet too big is refused."""

import contextlib
import io
import resource
import time
import tracemalloc
import zipfile

import pytest
from django.utils import translation

from lms.tabular import MAX_BLANK_LINES, MAX_COLUMNS, TableError, read_table

MAX_ROWS = 50
MB = 1024 * 1024

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Daftar" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    "</Relationships>"
)


def crafted_xlsx(dimension: str, cells: list[tuple[str, str]]) -> bytes:
    """A minimal workbook, written by hand: one sheet declaring `dimension`, holding inline-string cells."""
    rows: dict[int, list[str]] = {}
    for ref, text in cells:
        number = int("".join(c for c in ref if c.isdigit()))
        rows.setdefault(number, []).append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>'
        + "".join(f'<row r="{number}">{"".join(row)}</row>' for number, row in sorted(rows.items()))
        + "</sheetData></worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


@contextlib.contextmanager
def memory_cap(extra_bytes: int):
    """Let the process map at most `extra_bytes` more, so a regression fails here instead of taking the machine."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:
        with open("/proc/self/status") as status:
            mapped = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except OSError:  # not Linux: no cap, the peak is still measured
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (mapped + extra_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def read_bounded(data: bytes):
    """read_table on `data`, with its peak allocation (bytes) and time (seconds); memory capped at 1 GB."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with memory_cap(1024 * MB):
            result = read_table(data=data, filename="daftar.xlsx", max_rows=MAX_ROWS)
    except (TableError, MemoryError) as refusal:
        result = refusal
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return result, peak, time.perf_counter() - started


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_a_tiny_file_declaring_the_whole_grid_is_read_by_the_cells_it_holds():
    data = crafted_xlsx("A1:XFD1048576", [("A1", "email"), ("B1", "nama"), ("A2", "ani@contoh.test"), ("B2", "Ani")])
    assert len(data) < 2048

    table, peak, seconds = read_bounded(data)

    assert not isinstance(table, BaseException), table
    assert table.header == ["email", "nama"]
    assert table.rows == [(2, {"email": "ani@contoh.test", "nama": "Ani"})]
    assert peak < 5 * MB and seconds < 5


def test_a_cell_far_down_the_sheet_is_refused_early_with_a_clear_message():
    data = crafted_xlsx("A1:XFD1048576", [("A1", "email"), ("A2", "ani@contoh.test"), ("A1048576", "x")])
    assert len(data) < 2048

    refusal, peak, seconds = read_bounded(data)

    assert isinstance(refusal, TableError)
    limit = MAX_ROWS + 1 + MAX_BLANK_LINES
    assert str(refusal) == (
        f"The sheet goes on below row {limit}, but an import reads at most {MAX_ROWS} rows. "
        "Delete the rows below your table, or split it into smaller files."
    )
    assert peak < 5 * MB and seconds < 5


def test_a_cell_far_right_is_refused_with_a_clear_message():
    data = crafted_xlsx("A1:XFD2", [("A1", "email"), ("A2", "ani@contoh.test"), ("XFD2", "x")])

    refusal, peak, _seconds = read_bounded(data)

    assert isinstance(refusal, TableError)
    assert str(refusal) == (
        "The sheet has cells to the right of column GR. Delete the columns to the right of your table."
    )
    assert MAX_COLUMNS == 200 and peak < 5 * MB


def test_blank_lines_within_the_allowance_are_skipped():
    last = MAX_ROWS + 1 + MAX_BLANK_LINES
    data = crafted_xlsx("A1", [("A1", "email"), ("A2", "ani@contoh.test"), (f"A{last}", "budi@contoh.test")])

    table, _peak, _seconds = read_bounded(data)

    assert not isinstance(table, BaseException), table
    assert table.rows == [(2, {"email": "ani@contoh.test"}), (last, {"email": "budi@contoh.test"})]
