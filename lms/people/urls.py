from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("daftar-pendamping/", views.apply, name="apply"),
    path("daftar-pendamping/terima-kasih/", views.apply_thanks, name="apply_thanks"),
]
