"""Question banks as spreadsheet rows: read from CSV or XLSX through `read_table`, written as CSV."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import Workbook

from assessments.formats import (
    ESSAY,
    LIKERT,
    MULTIPLE,
    SHORT_ANSWER,
    SINGLE,
    TRUE_FALSE,
    BankFileError,
    ChoiceRecord,
    QuestionRecord,
)
from assessments.formats.spreadsheet import HEADER, parse_rows, write_csv
from lms.tabular import read_table

from .test_gift import ROUND_TRIP, without_lines

D = Decimal


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def read_csv(text):
    return parse_rows(read_table(data=text.encode("utf-8-sig"), filename="bank.csv", max_rows=500))


def csv_text(rows, *, delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


def errors_of(text):
    with pytest.raises(BankFileError) as caught:
        read_csv(text)
    return [(error.line, error.message) for error in caught.value.errors]


COLUMNS = [
    "Category",
    "Type",
    "Title",
    "Text",
    "Mark",
    "General_Feedback",
    "Roles",
    "Aspects",
    "Likert_Scored",
    "Likert_Reverse",
    "Catatan",
    *[f"choice_{n}{suffix}" for n in (1, 2, 3) for suffix in ("", "_percent", "_feedback")],
]


def test_reads_every_kind_from_a_trainers_csv():
    rows = [
        COLUMNS,
        ["Pre-test/Rekrutmen", "single", "Q1", "Siapa yang memandu pertemuan rutin KUBE?", "", "Lihat modul 2.",
         " fasilitator ; motivator ", "pengetahuan", "", "", "draf lama",
         "Pendamping sosial", "100", "Benar", "Kepala desa", "", "Bukan", "Ketua KUBE", "50%", ""],
        ["Pre-test/Rekrutmen", "MULTIPLE", "", "Pilih semua tugas pendamping.", "1,5", "", "", "", "", "", "",
         "Memfasilitasi", "33,33333", "", "Mencatat", "66.66667", "", "Memegang uang", "-100", "Tidak boleh"],
        ["$course$/top/Post-test", "truefalse", "", "Pendamping boleh memegang uang kelompok.", "", "", "", "", "", "",
         "", "Salah", "100", "Betul, uang dikelola anggota.", "Benar", "0", "Baca lagi pedoman.", "", "", ""],
        ["", "short", "", "KUBE singkatan dari _____.", "2", "", "", "", "", "", "",
         "Kelompok Usaha Bersama", "100", "", "kelompok usaha", "50", "Hampir", "", "", ""],
        ["Sikap", "likert", "", "Saya ragu bicara di depan warga.", "", "", "motivator", "sikap", "tidak", "ya", "",
         "", "", "", "", "", "", "", "", ""],
        ["Sikap", "essay", "", "Ceritakan pengalaman Anda\nmendampingi KUBE.", "", "Nilai dengan rubrik.", "", "",
         "", "", "", "", "", "", "", "", "", "", "", ""],
    ]  # fmt: skip
    single, multiple, true_false, short, likert, essay = read_csv(csv_text(rows))

    assert single == QuestionRecord(
        kind=SINGLE,
        text="Siapa yang memandu pertemuan rutin KUBE?",
        category="Pre-test/Rekrutmen",
        title="Q1",
        general_feedback="Lihat modul 2.",
        choices=[
            ChoiceRecord("Pendamping sosial", D(100), "Benar"),
            ChoiceRecord("Kepala desa", D(0), "Bukan"),
            ChoiceRecord("Ketua KUBE", D(50)),
        ],
        mentor_roles=["fasilitator", "motivator"],
        aspects=["pengetahuan"],
        line=2,
    )
    assert (multiple.kind, multiple.mark) == (MULTIPLE, D("1.5"))
    assert [c.percent for c in multiple.choices] == [D("33.33333"), D("66.66667"), D(-100)]
    assert true_false.category == "Post-test"
    assert true_false.choices == [
        ChoiceRecord("true", D(0), "Baca lagi pedoman."),
        ChoiceRecord("false", D(100), "Betul, uang dikelola anggota."),
    ]
    assert (short.kind, short.mark, short.category) == (SHORT_ANSWER, D(2), "")
    assert short.choices == [
        ChoiceRecord("Kelompok Usaha Bersama", D(100)),
        ChoiceRecord("kelompok usaha", D(50), "Hampir"),
    ]
    assert (likert.kind, likert.likert_scored, likert.likert_reverse, likert.choices) == (LIKERT, False, True, [])
    assert (likert.mentor_roles, likert.aspects) == (["motivator"], ["sikap"])
    assert (essay.kind, essay.text, essay.line) == (ESSAY, "Ceritakan pengalaman Anda\nmendampingi KUBE.", 7)
    assert (essay.likert_scored, essay.likert_reverse, essay.mark) == (True, False, D(1))


def test_reads_a_semicolon_csv_with_only_the_columns_it_needs():
    text = "type;text;choice_1;choice_1_percent;choice_2\r\nsingle;Siapa ketua KUBE?;Bu Ani;100;Pak Joko\r\n"
    (record,) = read_csv(text)
    assert record == QuestionRecord(
        kind=SINGLE,
        text="Siapa ketua KUBE?",
        choices=[ChoiceRecord("Bu Ani", D(100)), ChoiceRecord("Pak Joko", D(0))],
        line=2,
    )


YES_NO = [("yes", True), ("YA", True), ("1", True), ("True", True), ("no", False), ("Tidak", False), ("0", False)]


@pytest.mark.parametrize(("value", "expected"), [*YES_NO, ("false", False)])
def test_yes_no_spellings(value, expected):
    (record,) = read_csv(f"type,text,likert_scored,likert_reverse\nlikert,Saya suka rapat.,{value},{value}\n")
    assert (record.likert_scored, record.likert_reverse) == (expected, expected)


def test_collects_every_error_with_its_row_line():
    rows = [
        ["type", "text", "mark", "roles", "likert_reverse", "choice_1", "choice_1_percent", "choice_1_feedback",
         "choice_2", "choice_2_percent"],
        ["pilihan", "Siapa ketua?", "", "", "", "Bu Ani", "100", "", "Pak Joko", ""],
        ["", "Siapa ketua?", "", "", "", "Bu Ani", "100", "", "Pak Joko", ""],
        [],
        ["single", "Siapa ketua?", "0", "Fasilitator Desa", "mungkin", "Bu Ani", "100", "", "Pak Joko", ""],
        ["single", "Siapa ketua?", "banyak", "", "", "Bu Ani", "seratus", "", "", "Ditulis tanpa teks"],
        ["single", "Siapa ketua?", "", "", "", "Bu Ani", "50", "", "Pak Joko", "150"],
        ["multiple", "Pilih dua.", "", "", "", "Menabung", "50", "", "Rapat", "40"],
        ["short", "Singkatan KUBE?", "", "", "", "Kelompok", "50", "", "", ""],
        ["truefalse", "KUBE wajib menabung.", "", "", "", "Ya", "100", "", "Tidak", "0"],
        ["essay", "", "", "", "", "Contoh jawaban", "", "", "", ""],
        ["single", "Pertanyaan yang benar.", "", "", "", "Ya", "100", "", "Tidak", "0"],
    ]  # fmt: skip
    assert errors_of(csv_text(rows)) == [
        (2, "Unknown question type “pilihan”; use one of: single, multiple, truefalse, short, likert, essay."),
        (3, "The question type is missing; use one of: single, multiple, truefalse, short, likert, essay."),
        (5, "The mark “0” is not a number greater than 0."),
        (5, "“Fasilitator Desa” in roles is not a valid key: use letters, digits, “-” and “_” only."),
        (5, "“mungkin” in likert_reverse is not yes or no."),
        (6, "The mark “banyak” is not a number greater than 0."),
        (6, "The percentage “seratus” of answer 1 is not a number."),
        (6, "Answer 2 has a percentage or feedback but no text."),
        (7, "The answer “Pak Joko” is worth 150%; use a value from -100 to 100."),
        (7, "A single-choice question needs an answer worth 100%."),
        (8, "The answers of a multiple-response question that earn marks add up to 90%, not 100%."),
        (9, "A short-answer question needs an accepted answer worth 100%."),
        (10, "A true/false question needs the two answers “true” and “false”, one of them worth 100%."),
        (11, "The question has no text."),
        (11, "Essay and Likert questions take no answers; leave the answers out."),
    ]


def test_a_header_without_type_or_text_is_refused_at_line_1():
    assert errors_of("jenis,soal\nsingle,Siapa?\n") == [
        (1, "The header row has no “type” column."),
        (1, "The header row has no “text” column."),
    ]


def test_true_false_needs_both_answers():
    errors = errors_of("type,text,choice_1,choice_1_percent\ntruefalse,KUBE menabung.,benar,100\n")
    assert [line for line, _message in errors] == [2]


WIDE = QuestionRecord(
    kind=SINGLE,
    text='Desa mana yang punya KUBE tertua, "Sumber Rejeki"; pilih satu?',
    choices=[
        ChoiceRecord(f"Desa {n}, Kec. Karang Pilang", D(100 if n == 12 else 0), f"Umpan; balik {n}")
        for n in range(1, 13)
    ],
)


def test_round_trip_through_read_table():
    records = [*ROUND_TRIP, WIDE]
    text = write_csv(records)
    table = read_table(data=text.encode(), filename="x.csv", max_rows=100)
    assert without_lines(parse_rows(table)) == records


def test_text_that_looks_like_a_formula_is_guarded_in_the_file_and_reads_back_unchanged():
    record = QuestionRecord(
        kind=SINGLE,
        text='=HYPERLINK("http://x","y")',
        category="Rekrutmen",
        title="@judul",
        general_feedback="-lihat modul 2",
        choices=[ChoiceRecord("+benar", D(100), ""), ChoiceRecord("Salah", D(-50), "-1 poin")],
    )

    text = write_csv([record])

    first = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert first[2:4] == ["'@judul", '\'=HYPERLINK("http://x","y")']
    assert first[10:16] == ["'+benar", "100", "", "Salah", "-50", "'-1 poin"]
    assert without_lines(read_csv(text)) == [record]


def test_written_header_and_values():
    text = write_csv(ROUND_TRIP)
    header, first, *_rest = csv.reader(io.StringIO(text), delimiter=";")
    assert header == [*HEADER, *[f"choice_{n}{s}" for n in range(1, 6) for s in ("", "_percent", "_feedback")]]
    assert first[:4] == ["Pre-test/Rekrutmen", "single", "Q1: pemandu", ROUND_TRIP[0].text]
    assert first[4:10] == ["2.5", ROUND_TRIP[0].general_feedback, "fasilitator;motivator", "pengetahuan", "yes", "no"]
    assert first[10:19] == ["Pendamping sosial", "100", "Benar: pendamping memandu.", "Kepala desa ~ lurah", "0",
                            "Bukan {lurah}.", "Ketua = koordinator", "33.33333", ""]  # fmt: skip
    assert first[22:25] == ["[Semua] jawaban", "-50", "Salah # minus"]


def test_at_least_one_set_of_choice_columns():
    header = next(csv.reader(io.StringIO(write_csv([QuestionRecord(kind=ESSAY, text="Ceritakan.")])), delimiter=";"))
    assert header == [*HEADER, "choice_1", "choice_1_percent", "choice_1_feedback"]
    assert next(csv.reader(io.StringIO(write_csv([])), delimiter=";")) == header


def test_reads_an_xlsx_workbook():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Type", "Text", "Mark", "Roles", "Likert_Scored", "Choice_1", "Choice_1_Percent", "Choice_2",
                  "Choice_2_Percent", "Choice_3", "Choice_3_Percent"])  # fmt: skip
    sheet.append(["single", "Siapa yang memandu pertemuan rutin KUBE?", 2.5, "fasilitator", None,
                  "Pendamping sosial", 100, "Kepala desa", 0, "Ketua KUBE", 33.33333])  # fmt: skip
    sheet.append([None] * 11)
    sheet.append(["truefalse", "KUBE wajib menabung.", None, None, None, "Benar", 100, "Salah", None, None, None])
    sheet.append(["likert", "Saya suka rapat warga.", 1, "motivator", False])
    buffer = io.BytesIO()
    workbook.save(buffer)

    table = read_table(data=buffer.getvalue(), filename="bank.xlsx", max_rows=100)
    single, true_false, likert = parse_rows(table)

    assert (single.line, single.mark, single.mentor_roles) == (2, D("2.5"), ["fasilitator"])
    assert single.choices == [
        ChoiceRecord("Pendamping sosial", D(100)),
        ChoiceRecord("Kepala desa", D(0)),
        ChoiceRecord("Ketua KUBE", D("33.33333")),
    ]
    assert (true_false.line, true_false.kind) == (4, TRUE_FALSE)
    assert true_false.choices == [ChoiceRecord("true", D(100)), ChoiceRecord("false", D(0))]
    assert (likert.line, likert.kind, likert.likert_scored, likert.mark) == (5, LIKERT, False, D(1))
