"""Question banks in and out: commands, the admin pages, and the question editor's checks."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments.bank_io import question_records, questions_in_category
from assessments.models import Question, QuestionCategory
from courses.models import Aspect

from ..courses.factories import MentorRoleFactory
from ..people.factories import TrainerFactory, give_totp

pytestmark = pytest.mark.django_db

# Written the way Moodle users write GIFT: comments, a category line, titles, feedback, a missing-word item.
BANK = """// Bank soal pra-uji, disusun pengajar Dinsos Jawa Timur
$CATEGORY: $course$/top/Pra-uji/Rekrutmen

// [tag:role:fasilitator] [tag:aspect:rekrutmen]
::RK01:: Siapa yang memandu pertemuan rutin KUBE? {
\t=Pendamping sosial#Benar, pendamping memandu.
\t~Kepala desa#Bukan, kepala desa tidak memandu.
\t~Camat#Bukan tugas camat.
\t####Pendamping memandu, anggota memutuskan.
}

// [tag:aspect:rekrutmen] [tag:mark:2]
::RK02:: Pilih syarat calon pendamping. {
\t~%50%Tinggal di wilayah dampingan
\t~%50%Bersedia dilatih
\t~%-100%Menjadi pengurus partai
}

::RK03:: Iuran kesetiakawanan sosial disingkat {=IKS =iuran kesetiakawanan} dan dihimpun tiap bulan.

::RK04:: KUBE beranggotakan keluarga miskin. {T#Keliru.#Tepat.}

// [tag:likert] [tag:likert-reverse] [tag:aspect:rekrutmen]
::SK01:: Pendamping sebaiknya memutuskan untuk kelompok. {~%100%Sangat tidak setuju ~%75%Tidak setuju ~%50%Ragu-ragu ~%25%Setuju =Sangat setuju}

::TR01:: Ceritakan cara Anda mengajak anggota hadir. {}
"""  # noqa: E501 - GIFT keeps an answer block on one line

BROKEN = """$CATEGORY: $course$/top/Pra-uji

::A1:: Soal yang benar {=Ya ~Tidak}

::A2:: Soal numerik {#3:1}

// [tag:role:tidak-ada]
::A3:: Soal dengan peran tak dikenal {=Ya ~Tidak}

::A4:: Kurung tidak ditutup {=Ya ~Tidak
"""


@pytest.fixture
def tags(db):
    MentorRoleFactory(slug="fasilitator")
    Aspect.objects.create(slug="rekrutmen", name_id="Rekrutmen", name_en="Recruitment")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_command_reads_moodle_gift_with_tags_and_categories(tmp_path, tags):
    call_command("import_questions", write(tmp_path, "bank.gift", BANK), "--format", "gift", stdout=io.StringIO())
    assert Question.objects.count() == 6
    first = Question.objects.get(title="RK01")
    assert first.category.name == "Pra-uji/Rekrutmen"
    assert [r.slug for r in first.mentor_roles.all()] == ["fasilitator"]
    assert first.choices.get(percent=100).feedback == "Benar, pendamping memandu."
    assert Question.objects.get(title="RK02").mark == 2
    assert "_____" in Question.objects.get(title="RK03").text
    likert = Question.objects.get(title="SK01")
    assert (likert.kind, likert.likert_reverse, likert.choices.count()) == ("likert", True, 0)


@pytest.mark.parametrize("file_format", ["gift", "csv"])
def test_export_then_import_gives_the_same_questions(tmp_path, tags, file_format):
    call_command("import_questions", write(tmp_path, "bank.gift", BANK), stdout=io.StringIO())
    before = question_records(questions_in_category("Pra-uji"))
    exported = io.StringIO()
    call_command("export_questions", "--category", "Pra-uji", "--format", file_format, stdout=exported)
    Question.objects.all().delete()
    QuestionCategory.objects.all().delete()

    call_command(
        "import_questions",
        write(tmp_path, f"again.{file_format}", exported.getvalue()),
        "--format",
        file_format,
        stdout=io.StringIO(),
    )

    after = question_records(questions_in_category("Pra-uji"))
    assert after == before and len(after) == 6


def test_a_file_with_errors_is_reported_by_line_and_imports_nothing(tmp_path, tags):
    with pytest.raises(CommandError) as refusal:
        call_command("import_questions", write(tmp_path, "rusak.gift", BROKEN), stdout=io.StringIO())
    report = str(refusal.value)
    assert "rusak.gift:5:" in report  # numerical questions are not supported
    assert "rusak.gift:10:" in report  # unclosed brace
    assert "rusak.gift:3:" not in report
    assert not Question.objects.exists() and not QuestionCategory.objects.exists()

    repaired = BROKEN.replace("{#3:1}", "{=3 =tiga}").replace("{=Ya ~Tidak\n", "{=Ya ~Tidak}\n")
    with pytest.raises(CommandError) as refusal:
        call_command("import_questions", write(tmp_path, "rusak.gift", repaired), stdout=io.StringIO())
    assert "rusak.gift:8:" in str(refusal.value) and "tidak-ada" in str(refusal.value)  # unknown mentor role
    assert not Question.objects.exists()


def test_csv_import_with_a_bad_row_imports_nothing(tmp_path, tags):
    text = (
        "category,type,title,text,choice_1,choice_1_percent,choice_2,choice_2_percent\n"
        "Pra-uji,single,B1,Siapa pemandu KUBE?,Pendamping,100,Camat,0\n"
        "Pra-uji,single,B2,Soal tanpa jawaban benar,Pendamping,50,Camat,0\n"
    )
    with pytest.raises(CommandError) as refusal:
        call_command("import_questions", write(tmp_path, "bank.csv", text), "--format", "csv", stdout=io.StringIO())
    assert "bank.csv:3:" in str(refusal.value)
    assert not Question.objects.exists()


@pytest.fixture
def trainer_in_admin(client, db):
    trainer = TrainerFactory()
    give_totp(trainer)
    client.force_login(trainer)
    return trainer


def test_trainer_imports_a_bank_in_the_admin_and_sees_line_numbered_errors(client, trainer_in_admin, tags):
    url = reverse("assessments_admin:import")
    bad = io.BytesIO(BROKEN.encode())
    bad.name = "rusak.gift"
    response = client.post(url, {"file": bad, "file_format": "gift"})
    assert response.status_code == 400
    assert not Question.objects.exists()

    good = io.BytesIO(BANK.encode())
    good.name = "bank.gift"
    response = client.post(url, {"file": good, "file_format": "gift"})
    assert response.status_code == 302
    assert Question.objects.count() == 6
    assert Question.objects.filter(created_by=trainer_in_admin).count() == 6

    export = client.get(reverse("assessments_admin:export"), {"category": "", "file_format": "gift"})
    assert "::RK01::" in export.content.decode()


def test_the_question_editor_refuses_a_single_choice_without_a_right_answer(client, trainer_in_admin):
    category = QuestionCategory.objects.create(name="Bank")
    data = {
        "category": category.pk,
        "kind": "single",
        "title": "X1",
        "text": "Siapa pemandu KUBE?",
        "mark": "1",
        "general_feedback": "",
        "likert_scored": "on",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        "choices-0-text": "Pendamping",
        "choices-0-percent": "50",
        "choices-0-feedback": "",
        "choices-0-ORDER": "1",
        "choices-1-text": "Camat",
        "choices-1-percent": "0",
        "choices-1-feedback": "",
        "choices-1-ORDER": "2",
    }
    url = reverse("wagtailsnippets_assessments_question:add")
    response = client.post(url, data)
    assert response.status_code == 200 and not Question.objects.exists()
    data["choices-0-percent"] = "100"
    response = client.post(url, data)
    assert response.status_code == 302 and Question.objects.get().choices.count() == 2
