"""Documents and images trainers upload: nothing a browser would run gets in, and documents download sandboxed."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection, CollectionViewRestriction

from ..people.factories import UserFactory, give_totp
from ..storage import files_under

pytestmark = pytest.mark.django_db

Document = get_document_model()
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SCRIPT_PAGE = b"<!doctype html><script>fetch('/akun/email/').then(r => r.text()).then(alert)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><rect width="9" height="9"/></svg>'


@pytest.fixture
def admin(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    give_totp(user)
    client.force_login(user)
    return user


def _upload(client, name, content):
    root = Collection.get_first_root_node()
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "collection": root.pk, "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("materi.html", SCRIPT_PAGE),
        ("materi.htm", SCRIPT_PAGE),
        ("bagan.svg", SVG),
        ("data.xml", b"<?xml version='1.0'?><x/>"),
        ("alat.js", b"alert(1)"),
        ("halaman.xhtml", SCRIPT_PAGE),
    ],
)
def test_active_files_are_refused_with_a_message_in_indonesian(client, admin, settings, name, content):
    response = _upload(client, name, content)

    assert response.status_code == 200  # the form again, with its error
    page = response.content.decode()
    assert f"{name} tidak dapat diunggah." in page
    assert "Halaman web (HTML), gambar SVG, XML, skrip" in page
    assert page.count("tidak dapat diunggah") == 1  # said once, not again by Wagtail's own check
    assert not Document.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_web_page_renamed_pdf_is_refused_by_its_content(client, admin):
    response = _upload(client, "modul.pdf", SCRIPT_PAGE)

    assert "modul.pdf bukan berkas .pdf yang sebenarnya" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("modul.pdf", PDF),
        ("lembar-kerja.xlsx", b"PK\x03\x04 isi zip"),
        ("catatan.txt", b"Catatan pertemuan KUBE"),
        ("anggota.csv", b"nama,usaha\nSiti,warung\n"),
    ],
)
def test_office_and_text_documents_are_accepted(client, admin, name, content):
    response = _upload(client, name, content)

    assert response.status_code == 302
    assert Document.objects.get().filename == name


def test_the_message_is_in_english_for_an_english_form(admin):
    from wagtail.documents.forms import get_document_form

    form_class = get_document_form(Document)
    with translation.override("en"):
        form = form_class(
            data={"title": "x", "collection": Collection.get_first_root_node().pk},
            files={"file": SimpleUploadedFile("materi.html", SCRIPT_PAGE)},
            user=admin,
        )
        assert not form.is_valid()
        assert form.errors["file"] == [
            "materi.html cannot be uploaded. Accepted documents: pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, "
            "odp, txt, csv. Web pages (HTML), SVG drawings, XML, scripts and other files that a browser could run "
            "are refused."
        ]


def _document(name, content, collection=None):
    document = Document(title=name, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("modul.pdf", PDF, "application/pdf"), ("catatan.txt", b"<b>hai</b>", "text/plain; charset=utf-8")],
)
def test_a_document_downloads_sandboxed_and_never_sniffed(client, name, content, content_type):
    document = _document(name, content)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")  # PDFs too: a PDF viewer will not run sandboxed
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content) == content


def test_a_document_of_a_collection_for_signed_in_people_is_refused_to_visitors(client):
    members = Collection.get_first_root_node().add_child(name="Materi peserta")
    CollectionViewRestriction.objects.create(collection=members, restriction_type=CollectionViewRestriction.LOGIN)
    document = _document("rahasia.pdf", PDF, members)

    response = client.get(document.url)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_password_form_of_a_collection_stays_an_ordinary_page(client):
    protected = Collection.get_first_root_node().add_child(name="Materi berkata sandi")
    CollectionViewRestriction.objects.create(
        collection=protected, restriction_type=CollectionViewRestriction.PASSWORD, password="kube-2026"
    )
    document = _document("rahasia.pdf", PDF, protected)

    response = client.get(document.url)

    assert response.status_code == 200
    assert "sandbox" not in response["Content-Security-Policy"]  # a sandbox would block the form


def test_documents_are_not_served_from_media_by_the_development_server(client, settings):
    document = _document("materi.txt", b"isi")
    settings.DEBUG = True
    settings.ROOT_URLCONF = "tests.home.urls_development"

    assert files_under(settings.MEDIA_ROOT) == [document.file.name]
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(f"/media/images/../{document.file.name}").status_code == 404
    assert client.get(document.url).status_code == 200


def _image_form(name, content, user):
    form_class = get_image_form(get_image_model())
    return form_class(
        data={"title": name, "collection": Collection.get_first_root_node().pk},
        files={"file": SimpleUploadedFile(name, content)},
        user=user,
    )


def test_an_svg_image_is_refused_and_a_photo_accepted(admin):
    png = io.BytesIO()
    PillowImage.new("RGB", (8, 8), (200, 80, 40)).save(png, "PNG")

    svg_form = _image_form("bagan.svg", SVG, admin)
    png_form = _image_form("pasar.png", png.getvalue(), admin)

    assert not svg_form.is_valid()
    assert "file" in svg_form.errors
    assert png_form.is_valid(), png_form.errors
