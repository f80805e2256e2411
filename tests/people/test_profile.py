import pytest

from lms.people.constants import EducationLevel, Sex

from .factories import TraineeFactory

pytestmark = pytest.mark.django_db


def test_profile_needs_sign_in(client):
    response = client.get("/profil/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/login/")


def test_trainee_edits_own_profile(client, regions):
    trainee = TraineeFactory(phone="", education_level="")
    client.force_login(trainee)

    response = client.post(
        "/profil/",
        {
            "full_name": "Dewi Lestari",
            "phone": "+6281311112222",
            "education_level": EducationLevel.SLTA,
            "home_region": regions["35.78.01.1001"].pk,
        },
    )

    assert response.status_code == 302
    trainee.refresh_from_db()
    assert (trainee.full_name, trainee.phone, trainee.home_region.code) == (
        "Dewi Lestari",
        "+6281311112222",
        "35.78.01.1001",
    )
    assert trainee.profile_missing_fields == []


def test_bad_phone_is_explained_in_indonesian_and_nothing_is_saved(client, regions):
    trainee = TraineeFactory(full_name="Nama Lama", phone="081200000000")
    client.force_login(trainee)

    response = client.post(
        "/profil/", {"full_name": "Nama Baru", "phone": "12345", "education_level": EducationLevel.S1}
    )

    assert response.status_code == 200
    assert "Masukkan nomor ponsel Indonesia" in response.content.decode()
    trainee.refresh_from_db()
    assert (trainee.full_name, trainee.phone) == ("Nama Lama", "081200000000")


def test_profile_edits_only_the_signed_in_person(client, regions):
    trainee, other = TraineeFactory(), TraineeFactory(full_name="Orang Lain")
    client.force_login(trainee)

    client.post("/profil/", {"full_name": "Diubah", "phone": "", "education_level": "", "id": other.pk})

    other.refresh_from_db()
    assert other.full_name == "Orang Lain"


def test_sex_is_optional_and_kept_when_given(client, regions):
    """Evaluation studies may balance their groups by sex; the trainee may leave it empty."""
    trainee = TraineeFactory()
    client.force_login(trainee)
    data = {"full_name": trainee.full_name, "phone": "081311112222", "education_level": EducationLevel.SLTA}

    assert 'name="sex"' in client.get("/profil/").content.decode()
    client.post("/profil/", data | {"sex": Sex.FEMALE})
    trainee.refresh_from_db()
    assert trainee.sex == Sex.FEMALE

    assert client.post("/profil/", data | {"sex": ""}).status_code == 302
    trainee.refresh_from_db()
    assert trainee.sex == ""
