from django.urls import include, path

app_name = "certification"
urlpatterns = [
    path("", include("lms.certification.verification_urls")),
    path("", include("lms.certification.certificate_urls")),
]
