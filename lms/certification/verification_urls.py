"""The public verification of certificates: a form to type a code, and the page of one code."""

from django.urls import path

from .verification_views import certificate_verify, certificate_verify_form

urlpatterns = [
    path("verifikasi/", certificate_verify_form, name="verify_form"),
    path("verifikasi/<str:code>/", certificate_verify, name="verify"),
]
