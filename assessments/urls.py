from django.urls import path

from .views import reports, staff, studies, taking

app_name = "assessments"

urlpatterns = [
    path("kuis/<int:quiz_id>/", taking.quiz_detail, name="quiz"),
    path("kuis/<int:quiz_id>/mulai/", taking.quiz_start, name="quiz_start"),
    path("kuis/percobaan/<int:attempt_id>/", taking.attempt_page, name="attempt"),
    path("kuis/percobaan/<int:attempt_id>/simpan/", taking.attempt_autosave, name="autosave"),
    path("kuis/percobaan/<int:attempt_id>/kirim/", taking.attempt_finish, name="submit"),
    path("kuis/percobaan/<int:attempt_id>/hasil/", taking.attempt_review, name="review"),
    path("angkatan/<int:cohort_id>/hasil-kuis/", staff.cohort_results, name="cohort_results"),
    path("angkatan/<int:cohort_id>/hasil-kuis/<int:attempt_id>/", staff.attempt_inspect, name="attempt_inspect"),
    path("angkatan/<int:cohort_id>/menunggu-penilaian/", staff.cohort_grading_queue, name="grading_queue"),
    path("penilaian/jawaban/<int:answer_id>/", staff.answer_grade_view, name="grade_answer"),
    path("angkatan/<int:cohort_id>/kuis/<int:quiz_id>/nilai-ulang/", staff.quiz_regrade_view, name="quiz_regrade"),
    path(
        "angkatan/<int:cohort_id>/kuis/<int:quiz_id>/nilai-ulang/<int:run_id>/",
        staff.regrade_progress,
        name="regrade_progress",
    ),
    path("angkatan/<int:cohort_id>/analisis/", reports.cohort_prepost, name="report_prepost"),
    path("angkatan/<int:cohort_id>/kuis/<int:quiz_id>/analisis-butir/", reports.quiz_items, name="report_items"),
    path("analisis/perbandingan/", reports.comparison, name="report_comparison"),
    path("studi/", studies.study_list, name="studies"),
    path("studi/<int:study_id>/", studies.study_detail, name="study"),
    path("studi/<int:study_id>/acak/", studies.study_randomise_view, name="study_randomise"),
    path("studi/<int:study_id>/laporan/", studies.study_report_view, name="study_report"),
    path("studi/<int:study_id>/laporan/data-riset/", studies.study_export, name="study_export"),
    path("studi/<int:study_id>/<str:action>/", studies.study_change_status, name="study_status"),
]
