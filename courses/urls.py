from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("belajar/pelajaran/<int:lesson_id>/selesai/", views.lesson_complete, name="lesson_complete"),
    path(
        "belajar/pelajaran/<int:lesson_id>/refleksi/<str:block_id>/",
        views.reflection_answer,
        name="reflection_answer",
    ),
    path("belajar/angkatan/<int:cohort_id>/daftar/", views.enrol_self, name="enrol_self"),
    path("angkatan/<int:cohort_id>/", views.cohort_detail, name="cohort_detail"),
    path("angkatan/<int:cohort_id>/kemajuan.csv", views.cohort_progress_csv, name="cohort_progress_csv"),
    path("angkatan/<int:cohort_id>/daftarkan/", views.cohort_enrol_file, name="cohort_enrol_file"),
    path(
        "angkatan/<int:cohort_id>/peserta/<int:enrollment_id>/keluarkan/",
        views.cohort_withdraw,
        name="cohort_withdraw",
    ),
    path("cari/", views.lesson_search_view, name="search"),
]
