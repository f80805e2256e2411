"""The certification pages of trainees and supervisors, and the certificate download (download_views)."""

from django.urls import path

from . import views
from .download_views import certificate_download

urlpatterns = [
    path("sertifikasi/", views.my_certification, name="mine"),
    path("sertifikasi/peserta/<int:trainee_id>/", views.trainee_checklist, name="trainee"),
    path("sertifikasi/peserta/<int:trainee_id>/terbitkan/<int:programme_id>/", views.issue, name="issue"),
    path("sertifikasi/sertifikat/", views.certificate_list, name="list"),
    path("sertifikasi/sertifikat/<int:certificate_id>/cabut/", views.revoke, name="revoke"),
    path("sertifikat/<int:certificate_id>/unduh/", certificate_download, name="download"),
]
