"""GIFT question banks: read as Moodle reads them, written so Moodle and we read them back."""

import re
from decimal import Decimal

import pytest
from django.utils import translation

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
from assessments.formats.gift import parse_gift, write_gift

D = Decimal


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def crlf(text):
    return text.replace("\n", "\r\n")


def errors_of(text):
    with pytest.raises(BankFileError) as caught:
        parse_gift(text)
    return [(error.line, error.message) for error in caught.value.errors]


def error_lines(text):
    return [line for line, _message in errors_of(text)]


PRE_TEST = """\ufeff// Bank soal pre-test pendamping sosial KUBE
// Disusun oleh tim pelatih, dapat diimpor ke Moodle

$CATEGORY: $course$/top/Pre-test/Rekrutmen

// [tag:role:fasilitator] [tag:aspect:pengetahuan] [id:PT-01]
::Q1:: Siapa yang memandu pertemuan rutin KUBE? {
    =Pendamping sosial#Benar, pendamping memfasilitasi pertemuan.
    ~Kepala desa#Bukan, kepala desa tidak hadir rutin.
    ~%50%Ketua KUBE#Sebagian benar.
    ####Pertemuan rutin dipandu pendamping bersama ketua.
}
   \t
// Benar/salah dengan umpan balik
::Q2:: Setiap KUBE beranggotakan paling sedikit 5 keluarga.{TRUE#Baca lagi pedoman KUBE.#Tepat!}

::Q3:: Pilih semua tugas pendamping sosial.
Jawaban bisa lebih dari satu. {
    ~%33.33333%Memfasilitasi pertemuan
    ~%33.33333%Membantu pembukuan
    ~%33.33334%Menghubungkan dengan lembaga keuangan
    ~%-100%Mengelola uang kelompok#Uang dikelola anggota sendiri.
}

Dana usaha KUBE disalurkan melalui {=rekening kelompok =%50%rekening ketua} yang dibuka di bank.

$CATEGORY: $course$/top/Post-test

// [tag:mark:2,5]
::Esai:: [html]<p>Ceritakan pengalaman Anda <b>mendampingi</b> KUBE.</p>{####Nilai dengan rubrik.}

Petunjuk: bacalah setiap soal dengan teliti.

::Singkatan:: KUBE adalah singkatan dari?{=Kelompok Usaha Bersama}
"""


def test_reads_a_moodle_bank_with_comments_crlf_and_bom():
    records = parse_gift(crlf(PRE_TEST))

    assert [(record.line, record.kind, record.title) for record in records] == [
        (7, SINGLE, "Q1"),
        (15, TRUE_FALSE, "Q2"),
        (17, MULTIPLE, "Q3"),
        (25, SHORT_ANSWER, ""),
        (30, ESSAY, "Esai"),
        (34, SHORT_ANSWER, "Singkatan"),
    ]
    first, tf, multiple, missing_word, essay, short = records
    assert first == QuestionRecord(
        kind=SINGLE,
        text="Siapa yang memandu pertemuan rutin KUBE?",
        category="Pre-test/Rekrutmen",
        title="Q1",
        general_feedback="Pertemuan rutin dipandu pendamping bersama ketua.",
        choices=[
            ChoiceRecord("Pendamping sosial", D(100), "Benar, pendamping memfasilitasi pertemuan."),
            ChoiceRecord("Kepala desa", D(0), "Bukan, kepala desa tidak hadir rutin."),
            ChoiceRecord("Ketua KUBE", D(50), "Sebagian benar."),
        ],
        mentor_roles=["fasilitator"],
        aspects=["pengetahuan"],
        line=7,
    )
    assert tf.choices == [
        ChoiceRecord("true", D(100), "Tepat!"),
        ChoiceRecord("false", D(0), "Baca lagi pedoman KUBE."),
    ]
    assert multiple.text == "Pilih semua tugas pendamping sosial.\nJawaban bisa lebih dari satu."
    assert [choice.percent for choice in multiple.choices] == [D("33.33333"), D("33.33333"), D("33.33334"), D(-100)]
    assert multiple.choices[3].feedback == "Uang dikelola anggota sendiri."
    assert missing_word.text == "Dana usaha KUBE disalurkan melalui _____ yang dibuka di bank."
    assert missing_word.choices == [ChoiceRecord("rekening kelompok", D(100)), ChoiceRecord("rekening ketua", D(50))]
    assert (essay.category, essay.mark, essay.text) == (
        "Post-test",
        D("2.5"),
        "Ceritakan pengalaman Anda mendampingi KUBE.",
    )
    assert essay.general_feedback == "Nilai dengan rubrik."
    assert short.choices == [ChoiceRecord("Kelompok Usaha Bersama", D(100))]
    assert short.mark == 1 and short.mentor_roles == []


def test_line_numbers_do_not_depend_on_line_endings():
    unix = parse_gift(PRE_TEST)
    assert [r.line for r in parse_gift(crlf(PRE_TEST))] == [r.line for r in unix]
    assert [r.line for r in parse_gift(PRE_TEST.replace("\n", "\r"))] == [r.line for r in unix]


@pytest.mark.parametrize(
    ("answer", "true_feedback", "false_feedback", "true_percent"),
    [
        ("{T#Salah, baca lagi.#Betul!}", "Betul!", "Salah, baca lagi.", 100),
        ("{TRUE}", "", "", 100),
        ("{F#Salah, baca lagi.#Betul!}", "Salah, baca lagi.", "Betul!", 0),
        ("{FALSE##Betul!}", "", "Betul!", 0),
        ("{FALSE#Salah.}", "Salah.", "", 0),
    ],
)
def test_true_false_first_feedback_is_for_a_wrong_pick_as_in_moodle(
    answer, true_feedback, false_feedback, true_percent
):
    (record,) = parse_gift(f"Pendamping boleh memegang uang kelompok. {answer}")
    assert record.kind == TRUE_FALSE
    assert record.choices == [
        ChoiceRecord("true", D(true_percent), true_feedback),
        ChoiceRecord("false", D(100 - true_percent), false_feedback),
    ]


def test_lower_case_true_is_a_short_answer_as_in_moodle():
    (record,) = parse_gift("KUBE adalah kelompok usaha. {true}")
    assert record.kind == SHORT_ANSWER
    assert record.choices == [ChoiceRecord("true", D(100))]


@pytest.mark.parametrize(
    "path",
    [
        "$course$/top/Pre-test/Rekrutmen",
        "$system$/top/Pre-test/Rekrutmen",
        "$module$/top/Pre-test/Rekrutmen",
        "$cat1$/top/Pre-test/Rekrutmen",
        "$coursecategory$/top/Pre-test/Rekrutmen",
        "top/Pre-test/Rekrutmen",
        "Pre-test/Rekrutmen",
        "$course$/top/ Pre-test / Rekrutmen ",
    ],
)
def test_category_loses_context_and_top(path):
    (record,) = parse_gift(f"$CATEGORY: {path}\n\nSiapa pendamping KUBE? {{=Pak Budi ~Bu Sri}}")
    assert record.category == "Pre-test/Rekrutmen"


def test_category_line_directly_above_a_question_still_applies():
    (record,) = parse_gift("$CATEGORY: $course$/top/Kuis\nSiapa pendamping KUBE? {=Pak Budi ~Bu Sri}")
    assert (record.category, record.line) == ("Kuis", 2)


def test_escaped_characters_and_newlines():
    (record,) = parse_gift(
        r"::Rumus \: 1::Iuran \{wajib\} \= 10\% \~ 20\#, lihat C\:\\KUBE\nBaris kedua {"
        "\n"
        r"=Rp 10.000 \= satu paket#Ya \#1"
        "\n"
        r"~Rp 5.000 \~ kurang"
        "\n}"
    )
    assert record.title == "Rumus : 1"
    assert record.text == "Iuran {wajib} = 10\\% ~ 20#, lihat C:\\KUBE\nBaris kedua"
    assert record.choices == [
        ChoiceRecord("Rp 10.000 = satu paket", D(100), "Ya #1"),
        ChoiceRecord("Rp 5.000 ~ kurang", D(0)),
    ]


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("[plain]Apa tugas *pendamping*? {}", "Apa tugas *pendamping*?"),
        ("[markdown]Apa tugas **pendamping**? {}", "Apa tugas **pendamping**?"),
        ("::Q:: [moodle]Apa tugas pendamping? {}", "Apa tugas pendamping?"),
        ("[html]<p>Apa tugas <em>pendamping</em>?<br />Jelaskan.</p>{}", "Apa tugas pendamping?\nJelaskan."),
        ("[html]Dana &amp; iuran {}", "Dana & iuran"),
        ("[unknown]Apa? {}", "[unknown]Apa?"),
    ],
)
def test_format_markers_are_stripped_and_html_becomes_plain_text(question, text):
    (record,) = parse_gift(question)
    assert record.text == text


def test_html_question_makes_its_answers_html_too():
    (record,) = parse_gift("[html]<p>Siapa?</p>{=<b>Pendamping</b>#<i>Benar</i> ~Lurah}")
    assert record.choices[0] == ChoiceRecord("Pendamping", D(100), "Benar")


def test_multiple_response_only_when_no_answer_starts_with_equals():
    single, multiple = parse_gift(
        "Siapa anggota KUBE? {=Keluarga miskin ~%50%Keluarga rentan ~Pejabat desa}\n\n"
        "Pilih yang benar. {~%50%Menabung ~%50%Rapat rutin ~%-100%Meminjam ke rentenir}"
    )
    assert single.kind == SINGLE
    assert [c.percent for c in single.choices] == [D(100), D(50), D(0)]
    assert multiple.kind == MULTIPLE
    assert [c.percent for c in multiple.choices] == [D(50), D(50), D(-100)]


def test_short_answer_forms():
    one, several, bare = parse_gift(
        "Ibu kota Jawa Timur? {=Surabaya}\n\n"
        "Singkatan KUBE? {=Kelompok Usaha Bersama =Kelompok usaha bersama#Boleh huruf kecil =%50%KUBE}\n\n"
        "Siapa menteri sosial pertama? {Iwa Kusumasumantri}"
    )
    assert one.choices == [ChoiceRecord("Surabaya", D(100))]
    assert [(c.text, c.percent, c.feedback) for c in several.choices] == [
        ("Kelompok Usaha Bersama", D(100), ""),
        ("Kelompok usaha bersama", D(100), "Boleh huruf kecil"),
        ("KUBE", D(50), ""),
    ]
    assert bare.kind == SHORT_ANSWER and bare.choices == [ChoiceRecord("Iwa Kusumasumantri", D(100))]


def test_likert_tags_and_other_tags_ignored():
    (record,) = parse_gift(
        "// [tag:likert] [tag:likert-reverse] [tag:likert-unscored] [tag:pretest] [id:LK-7]\n"
        "// [tag:role:motivator]\n"
        "::L1:: Saya ragu mendampingi KUBE sendirian. {\n"
        "~%0%Sangat tidak setuju ~%25%Tidak setuju ~%50%Ragu-ragu ~%75%Setuju =Sangat setuju\n"
        "}"
    )
    assert record == QuestionRecord(
        kind=LIKERT,
        text="Saya ragu mendampingi KUBE sendirian.",
        title="L1",
        mentor_roles=["motivator"],
        likert_scored=False,
        likert_reverse=True,
        line=3,
    )


def test_descriptions_and_comment_only_blocks_are_skipped():
    records = parse_gift(
        "// Bagian A\n\nBacalah petunjuk berikut dengan teliti.\n\n"
        "::Info:: Soal bagian A tentang KUBE.\n\nSiapa pendamping? {=Pak Budi ~Bu Sri}\n"
    )
    assert [(record.text, record.line) for record in records] == [("Siapa pendamping?", 7)]


ERRORS = """// Berkas dengan banyak kesalahan

::Kurung:: Siapa ketua KUBE? {=Bu Ani ~Pak Joko

::Angka:: Berapa anggota minimal KUBE? {#5:1}

::Pasangan:: Jodohkan. {=Fasilitator -> memandu =Broker -> menghubungkan}

::Satu:: Siapa memandu? {~Pendamping}

::Kosong:: Siapa memandu? {=Pendamping ~}

::Jumlah:: Pilih dua. {~%50%Menabung ~%40%Rapat}

::Persen:: Siapa memandu? {=Pendamping ~%150%Lurah}

::Singkat:: Singkatan KUBE? {=%50%Kelompok}

// [tag:mark:0] [tag:role:Fasilitator Desa]
::Nilai:: Siapa memandu? {=Pendamping ~Lurah}

// [tag:mark:banyak]
::Nilai2:: Siapa memandu? {=Pendamping ~Lurah}

::Kosong:: {=Pendamping ~Lurah}

::Dua blok:: Siapa memandu? {=Pendamping ~Lurah}
Siapa mencatat? {=Bendahara ~Lurah}

::Judul tanpa tutup Siapa memandu? {=Pendamping ~Lurah}

// [tag:aspect:sikap]
::Deskripsi:: Bagian ini tentang sikap.

::Baik:: Pertanyaan yang benar. {=Ya ~Tidak}
Ada } yang tersesat.
"""


def test_collects_every_error_with_the_line_its_question_starts_on():
    assert errors_of(crlf(ERRORS)) == [
        (3, "The answer block opened with “{” is not closed with “}”."),
        (5, "Numerical questions are not supported here."),
        (7, "Matching questions are not supported here."),
        (9, "A multiple-response question needs at least two answers."),
        (9, "The answers of a multiple-response question that earn marks add up to 0%, not 100%."),
        (11, "An answer has no text."),
        (13, "The answers of a multiple-response question that earn marks add up to 90%, not 100%."),
        (15, "The answer “Lurah” is worth 150%; use a value from -100 to 100."),
        (17, "A short-answer question needs an accepted answer worth 100%."),
        (20, "The mark “0” is not a number greater than 0."),
        (20, "“Fasilitator Desa” in [tag:role:…] is not a valid key: use letters, digits, “-” and “_” only."),
        (23, "The mark “banyak” is not a number greater than 0."),
        (25, "The question has no text."),
        (27, "The question has more than one answer block; separate questions with a blank line."),
        (30, "The question title is not closed with “::”."),
        (33, "The question has no answer block “{…}”."),
        (35, "There is a “}” without a “{” before it."),
    ]


def test_a_multiple_response_total_within_half_a_percent_is_accepted():
    (record,) = parse_gift("Pilih tiga. {~%33.3%Menabung ~%33.3%Rapat ~%33.3%Mencatat ~Meminjam}")
    assert record.kind == MULTIPLE
    assert error_lines("Pilih tiga. {~%33%Menabung ~%33%Rapat ~%33%Mencatat ~Meminjam}") == [1]


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        (
            "Siapa? {=A ~B}\n\n  \nKapan? {=Senin ~Selasa\n\nDi mana? {=Desa ~Kota}\n",
            [(4, "The answer block opened with “{” is not closed with “}”.")],
        ),
        ("Siapa? } {=A ~B}", [(1, "There is a “}” without a “{” before it.")]),
        (
            "\ufeff// k\r\n\r\n// [tag:mark:-1]\r\nSiapa? {=A ~B}\r\n",
            [(4, "The mark “-1” is not a number greater than 0.")],
        ),
        (
            "Siapa? {=A ~B ~%abc%C ~%-150%D}",
            [(1, "The answer “D” is worth -150%; use a value from -100 to 100.")],
        ),
        (
            "Pilih dua. {\n~%33,3%Menabung\n~%66.7%Rapat\n}",
            [(1, "“%33,3%” is not a percentage; write it with a decimal point, like %33.5%.")],
        ),
        (
            "// [tag:role:fasilitator]\n::Info:: Bagian ini tentang peran fasilitator.",
            [(2, "The question has no answer block “{…}”.")],
        ),
    ],
)
def test_single_errors(text, errors):
    assert errors_of(text) == errors


ROUND_TRIP = [
    QuestionRecord(
        kind=SINGLE,
        text="Siapa yang memandu pertemuan rutin KUBE {mingguan}?\nPilih satu.",
        category="Pre-test/Rekrutmen",
        title="Q1: pemandu",
        general_feedback="Lihat modul 2 #pertemuan = rapat.",
        choices=[
            ChoiceRecord("Pendamping sosial", D(100), "Benar: pendamping memandu."),
            ChoiceRecord("Kepala desa ~ lurah", D(0), "Bukan {lurah}."),
            ChoiceRecord("Ketua = koordinator", D("33.33333"), ""),
            ChoiceRecord("%5 anggota", D(0), ""),
            ChoiceRecord("[Semua] jawaban", D(-50), "Salah # minus"),
        ],
        mentor_roles=["fasilitator", "motivator"],
        aspects=["pengetahuan"],
        mark=D("2.5"),
    ),
    QuestionRecord(
        kind=MULTIPLE,
        text="Pilih semua tugas pendamping.",
        category="Pre-test/Rekrutmen",
        choices=[
            ChoiceRecord("Memfasilitasi", D("33.33333"), "Ya"),
            ChoiceRecord("Mencatat", D("33.33333")),
            ChoiceRecord("Menghubungkan", D("33.33334")),
            ChoiceRecord("Memegang uang", D(-100), "Tidak boleh"),
        ],
    ),
    QuestionRecord(
        kind=TRUE_FALSE,
        text="KUBE beranggotakan 5 sampai 10 keluarga.",
        category="Post-test",
        general_feedback="Pedoman KUBE, bab 1.",
        choices=[ChoiceRecord("true", D(100), "Tepat!"), ChoiceRecord("false", D(0), "Baca lagi: bab 1.")],
    ),
    QuestionRecord(
        kind=TRUE_FALSE,
        text="Pendamping boleh memegang uang kelompok.",
        category="Post-test",
        choices=[ChoiceRecord("true", D(0), ""), ChoiceRecord("false", D(100), "Betul.")],
    ),
    QuestionRecord(
        kind=TRUE_FALSE,
        text="// Bukan komentar: rapat wajib dicatat.",
        category="Post-test",
        choices=[ChoiceRecord("true", D(100), "Ya"), ChoiceRecord("false", D(0), "")],
    ),
    QuestionRecord(
        kind=SHORT_ANSWER,
        text="KUBE singkatan dari _____ di desa.",
        choices=[
            ChoiceRecord("Kelompok Usaha Bersama", D(100), "Tepat"),
            ChoiceRecord("kelompok usaha", D(50), "Hampir"),
            ChoiceRecord("%KUBE%", D(100)),
        ],
    ),
    QuestionRecord(kind=ESSAY, text="$CATEGORY bukan kategori: ceritakan pengalaman Anda.", aspects=["refleksi"]),
    QuestionRecord(kind=ESSAY, text="Tuliskan rencana pendampingan.", general_feedback="Nilai dengan rubrik A\\B."),
    QuestionRecord(
        kind=LIKERT, text="Saya percaya diri memandu rapat.", category="Sikap", mentor_roles=["fasilitator"]
    ),
    QuestionRecord(kind=LIKERT, text="Saya ragu bicara di depan warga.", category="Sikap", likert_reverse=True),
    QuestionRecord(kind=LIKERT, text="Saya suka bekerja di desa.", category="Sikap", likert_scored=False),
]


def without_lines(records):
    for record in records:
        record.line = 0
    return records


def test_round_trip_keeps_every_kind():
    assert without_lines(parse_gift(write_gift(ROUND_TRIP))) == ROUND_TRIP


def test_round_trip_survives_windows_line_endings():
    assert without_lines(parse_gift(crlf(write_gift(ROUND_TRIP)))) == ROUND_TRIP


def test_written_file_looks_like_moodle_gift():
    text = write_gift(ROUND_TRIP)
    assert text.startswith("$CATEGORY: $course$/top/Pre-test/Rekrutmen\n\n")
    assert text.count("$CATEGORY:") == 4  # Pre-test/Rekrutmen, Post-test, top (no category), Sikap
    assert "\n$CATEGORY: $course$/top\n" in text
    assert "// [tag:role:fasilitator] [tag:role:motivator] [tag:aspect:pengetahuan] [tag:mark:2.5]\n" in text
    assert "::Q1\\: pemandu:: Siapa yang memandu pertemuan rutin KUBE \\{mingguan\\}?\\nPilih satu. {\n" in text
    assert "\t~%33.33333%Ketua \\= koordinator\n" in text
    assert "{TRUE#Baca lagi\\: bab 1.#Tepat!####Pedoman KUBE, bab 1.}" in text
    assert "{FALSE##Betul.}" in text
    assert "\n\n\n" not in text


def test_likert_is_written_as_a_single_choice_moodle_can_import():
    text = write_gift(ROUND_TRIP[-3:-1])
    moodle_view = parse_gift(re.sub(r"^// .*\n", "", text, flags=re.MULTILINE))
    labels = ["Sangat tidak setuju", "Tidak setuju", "Ragu-ragu", "Setuju", "Sangat setuju"]
    assert [record.kind for record in moodle_view] == [SINGLE, SINGLE]
    assert [(c.text, c.percent) for c in moodle_view[0].choices] == list(
        zip(labels, map(D, (0, 25, 50, 75, 100)), strict=True)
    )
    assert [(c.text, c.percent) for c in moodle_view[1].choices] == list(
        zip(labels, map(D, (100, 75, 50, 25, 0)), strict=True)
    )
    assert "// [tag:likert] [tag:likert-reverse]\n" in text


def test_empty_bank_writes_and_reads_nothing():
    assert write_gift([]) == ""
    assert parse_gift("") == []
    assert parse_gift("\ufeff// hanya komentar\r\n   \r\n") == []
