"""Demo recruitment: candidate mentors of Jawa Timur and Kalimantan Selatan in every state.

Run last by `manage.py seed_demo`, after the people, courses, assessments, apprenticeship and
certification demos. Unscreened, screened, waitlisted and rejected applications (one for
schooling below SLTA), and accepted ones linked to demo trainees who are already enrolled
(Agus Salim, Rina Wati, Ahmad Fauzi), so the supervisor's funnel starts at "applied".
Scores go through `application_screen`; decisions are written directly with their audit row
and no e-mail, because the demo's candidates should not receive mail on every seed. An
application is keyed by its e-mail address, so a second run changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from lms.people.constants import RUBRIC_KEYS, ApplicationStatus, EducationLevel
from lms.people.models import CandidateApplication, Region, User
from lms.people.recruitment_services import application_screen

SUPERVISORS = {"35": "penyelia.jatim@akademi.test", "63": "penyelia.kalsel@akademi.test"}
SUBMITTED, ACCEPTED = ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED
WAITLISTED, REJECTED = ApplicationStatus.WAITLISTED, ApplicationStatus.REJECTED

# name, e-mail, regency, education, days ago, score per criterion (None: unscreened), status, reason,
# experience, motivation, references
APPLICANTS = [
    (
        "Agus Salim",
        "agus.salim@akademi.test",
        "35.73",
        EducationLevel.SLTA,
        75,
        4,
        ACCEPTED,
        "Nilai tinggi pada integritas dan kapasitas; aktif di karang taruna.",
        "Ketua karang taruna Kelurahan Sukun tiga tahun; membantu pembukuan koperasi warga.",
        "Saya ingin warga miskin di kampung saya punya usaha yang bertahan, bukan hanya bantuan sekali.",
        "Bapak Darmaji, lurah Sukun, 081233340001; Ibu Wiwik, TKSK Kota Malang, 081233340002",
    ),
    (
        "Rina Wati",
        "rina.wati@akademi.test",
        "35.15",
        EducationLevel.D3,
        72,
        5,
        ACCEPTED,
        "Berpengalaman mendampingi kelompok perempuan; komunikasi sangat baik.",
        "Kader PKK dan pendamping kelompok usaha kerupuk ibu-ibu di Candi, Sidoarjo.",
        "Usaha kecil ibu-ibu sering berhenti karena tidak ada catatan keuangan. Saya ingin membantu itu.",
        "Ibu Sulastri, ketua TP PKK Kecamatan Candi, 081233340003",
    ),
    (
        "Lestari Handayani",
        "lestari.handayani@contoh.test",
        "35.07",
        EducationLevel.SLTA,
        3,
        None,
        SUBMITTED,
        "",
        "Bendahara kelompok tani wanita di Desa Pakisaji sejak 2022.",
        "Saya ingin belajar cara mendampingi KUBE agar kelompok tani kami bisa mandiri.",
        "Bapak Suyono, kepala Desa Pakisaji, 081233340004",
    ),
    (
        "Mohammad Rizal",
        "mohammad.rizal@contoh.test",
        "35.09",
        EducationLevel.S1,
        2,
        None,
        SUBMITTED,
        "",
        "Relawan bank sampah dan pengajar Paket C di Jember.",
        "Saya sarjana ekonomi dan ingin ilmu saya berguna bagi keluarga miskin di desa.",
        "Ibu Nur Aini, Dinas Sosial Kabupaten Jember, 081233340005",
    ),
    (
        "Yuliana Puspitasari",
        "yuliana.puspitasari@contoh.test",
        "35.78",
        EducationLevel.SLTA,
        12,
        4,
        SUBMITTED,
        "",
        "Pengurus kelompok usaha jahit di Karang Pilang; mengatur arisan dan simpan pinjam.",
        "Saya tahu sulitnya memulai usaha tanpa modal dan ingin menemani keluarga lain melaluinya.",
        "Bapak Hadi, ketua RW 03 Karang Pilang, 081233340006",
    ),
    (
        "Slamet Riyadi",
        "slamet.riyadi@contoh.test",
        "35.08",
        EducationLevel.SLTA,
        15,
        3,
        SUBMITTED,
        "",
        "Anggota kelompok ternak kambing di Lumajang, sering menjadi juru bicara kelompok.",
        "Ingin kelompok ternak di desa kami mendapat pendampingan yang berkelanjutan.",
        "Bapak Karsono, penyuluh pertanian, 081233340007",
    ),
    (
        "Dwi Kurniawati",
        "dwi.kurniawati@contoh.test",
        "35.79",
        EducationLevel.D3,
        30,
        4,
        WAITLISTED,
        "Calon baik, tetapi angkatan Jawa Timur bulan ini sudah penuh; ditawarkan angkatan berikutnya.",
        "Pendamping kelompok wisata petik apel di Kota Batu selama dua musim.",
        "Saya ingin membantu KUBE memasarkan hasil usahanya lebih luas.",
        "Ibu Rahayu, pengelola desa wisata Bumiaji, 081233340008",
    ),
    (
        "Hariyanto",
        "hariyanto@contoh.test",
        "35.15",
        EducationLevel.SLTA,
        40,
        2,
        REJECTED,
        "Belum memiliki pengalaman dengan kelompok masyarakat dan rujukan tidak dapat dihubungi.",
        "Belum pernah, tetapi saya siap belajar.",
        "Mencari pekerjaan tetap.",
        "Teman kerja, nomor belum ada",
    ),
    (
        "Sumarni",
        "sumarni@contoh.test",
        "35.07",
        EducationLevel.SMP,
        25,
        4,
        REJECTED,
        "Pendidikan terakhir SMP, di bawah syarat minimal SLTA. Dianjurkan mengikuti Paket C lalu melamar lagi.",
        "Ketua kelompok pengajian dan arisan ibu-ibu di Dusun Krajan selama lima tahun.",
        "Saya ingin ibu-ibu di dusun kami punya penghasilan sendiri.",
        "Bapak Mulyadi, kepala dusun Krajan, 081233340009",
    ),
    (
        "Ahmad Fauzi",
        "ahmad.fauzi@akademi.test",
        "63.71",
        EducationLevel.SLTA,
        70,
        4,
        ACCEPTED,
        "Dikenal baik di kampungnya; pengalaman mengelola koperasi nelayan.",
        "Pengurus koperasi nelayan di Banjarmasin Utara dan relawan Tagana.",
        "Saya ingin keluarga nelayan di pinggir sungai punya usaha sampingan yang stabil.",
        "Bapak H. Syahrani, ketua RT 12 Alalak, 081233340010",
    ),
    (
        "Noor Aisyah",
        "noor.aisyah@contoh.test",
        "63.03",
        EducationLevel.SLTA,
        1,
        None,
        SUBMITTED,
        "",
        "Penggerak kelompok usaha kue tradisional di Martapura.",
        "Saya ingin membantu kelompok ibu-ibu di Martapura mengelola modal bersama dengan jujur.",
        "Ibu Hj. Rusnah, ketua PKK Desa Tanjung Rema, 081233340011",
    ),
    (
        "Muhammad Ridwan",
        "muhammad.ridwan@contoh.test",
        "63.72",
        EducationLevel.S1,
        9,
        5,
        SUBMITTED,
        "",
        "Fasilitator program desa di Banjarbaru dua tahun; membuat laporan kegiatan kelompok.",
        "Pendampingan yang baik membuat bantuan usaha benar-benar dipakai untuk usaha.",
        "Bapak Akhmad Yani, camat Landasan Ulin, 081233340012",
    ),
    (
        "Fitriani",
        "fitriani@contoh.test",
        "63.01",
        EducationLevel.SLTA,
        28,
        3,
        WAITLISTED,
        "Cukup memenuhi syarat; menunggu angkatan Kalimantan Selatan berikutnya di Tanah Laut.",
        "Anggota kelompok usaha anyaman purun di Pelaihari.",
        "Saya ingin belajar mendampingi supaya kelompok anyaman kami bisa menjadi koperasi.",
        "Ibu Masrah, ketua kelompok anyaman, 081233340013",
    ),
    (
        "Gusti Rahmadi",
        "gusti.rahmadi@contoh.test",
        "63.04",
        EducationLevel.SLTA,
        35,
        2,
        REJECTED,
        "Motivasi utamanya mencari honor; tidak ada pengalaman mendampingi kelompok.",
        "Belum ada.",
        "Honor pendamping lumayan untuk tambahan.",
        "Saudara sendiri, 081233340014",
    ),
    (
        "Hj. Masitah",
        "masitah@contoh.test",
        "63.02",
        EducationLevel.SMP,
        4,
        None,
        SUBMITTED,
        "",
        "Ketua majelis taklim dan penggerak arisan di Kotabaru.",
        "Saya ingin kelompok ibu-ibu kami bisa berusaha bersama.",
        "Bapak H. Anwar, lurah Baharu, 081233340015",
    ),
]


@transaction.atomic
def seed() -> list:
    now = timezone.now()
    regions = {region.code: region for region in Region.objects.filter(depth=2)}
    supervisors = {code: User.objects.filter(email=email).first() for code, email in SUPERVISORS.items()}
    for number, data in enumerate(APPLICANTS, start=1):
        name, email, region_code, education, days_ago, score, status, reason, experience, motivation, references = data
        supervisor = supervisors.get(region_code[:2])
        region = regions.get(region_code)
        if region is None or supervisor is None or CandidateApplication.objects.filter(email=email).exists():
            continue
        account = User.objects.filter(email=email).first() if status == ACCEPTED else None
        if status == ACCEPTED and account is None:
            continue
        submitted_at = now - datetime.timedelta(days=days_ago)
        application = CandidateApplication(
            full_name=name,
            email=email,
            phone=account.phone if account else f"08523344{number:04d}",
            region=region,
            education_level=education,
            community_experience=experience,
            motivation=motivation,
            references=references,
            submitted_at=submitted_at,
        )
        application.full_clean()
        application.save()
        log(instance=application, action="people.application.submit", user=None, timestamp=submitted_at)
        if score is None:
            continue
        scores = dict.fromkeys(RUBRIC_KEYS, score) | {"leadership": max(1, score - 1)}
        screening = application_screen(application=application, scores=scores, notes="", by=supervisor)
        screening.screened_at = submitted_at + datetime.timedelta(days=2)
        screening.save(update_fields=["screened_at"])
        if status != SUBMITTED:
            _decide(application, status=status, reason=reason, by=supervisor, account=account, at=submitted_at)
    return []


def _decide(application, *, status, reason, by, account, at) -> None:
    decided_at = at + datetime.timedelta(days=5)
    CandidateApplication.objects.filter(pk=application.pk).update(
        status=status, decision_reason=reason, decided_by=by, decided_at=decided_at, account=account
    )
    log(
        instance=application,
        action=f"people.application.{status}",
        user=by,
        data={"reason": reason},
        timestamp=decided_at,
    )
